using Microsoft.EntityFrameworkCore;
using Monolith.Audit;
using Monolith.Database;
using Monolith.Http;

namespace Monolith.Registry;

/// <summary>The tools registry; every change commits with its registry_change audit row.</summary>
public sealed class ToolRegistry(RegistryDbContext db)
{
    private const string Entity = "tool";

    public async Task<ToolView?> FindAsync(string name, CancellationToken cancellationToken)
    {
        if (!RegistryText.IsName(name))
        {
            return null;
        }

        var tool = await db.Tools.AsNoTracking().Include(t => t.Agent).SingleOrDefaultAsync(t => t.Name == name, cancellationToken);
        return tool is null ? null : ToolView.From(tool);
    }

    /// <summary>The registered tools among <paramref name="names"/> (active or not), by name, in one query; unknown names are absent.</summary>
    public async Task<IReadOnlyDictionary<string, ToolView>> FindAllAsync(IReadOnlyCollection<string> names, CancellationToken cancellationToken)
    {
        var wanted = names.Where(RegistryText.IsName).Distinct(StringComparer.Ordinal).ToList();
        var tools = wanted.Count == 0
            ? []
            : await db.Tools.AsNoTracking().Include(t => t.Agent).Where(t => wanted.Contains(t.Name)).ToListAsync(cancellationToken);
        return tools.ToDictionary(t => t.Name, ToolView.From, StringComparer.Ordinal);
    }

    /// <summary>Tools ordered by name after <paramref name="afterName"/>; up to limit rows.</summary>
    public async Task<IReadOnlyList<ToolView>> ListAsync(bool? active, string? afterName, int limit, CancellationToken cancellationToken)
    {
        var rows = db.Tools.AsNoTracking().Include(t => t.Agent).AsQueryable();
        if (active is { } isActive)
        {
            rows = rows.Where(t => t.IsActive == isActive);
        }

        if (afterName is not null)
        {
            rows = rows.Where(t => t.Name.CompareTo(afterName) > 0);
        }

        var tools = await rows.OrderBy(t => t.Name).Take(limit).ToListAsync(cancellationToken);
        return [.. tools.Select(ToolView.From)];
    }

    /// <summary>Creates a tool. Throws BadRequestException naming "agent" for an unknown agent, ConflictException for a taken name.</summary>
    public async Task<ToolView> CreateAsync(CreateToolRequest request, string actor, CancellationToken cancellationToken)
    {
        if (await db.Tools.AnyAsync(t => t.Name == request.Name, cancellationToken))
        {
            throw RegistryConflicts.NameTaken(Entity, request.Name!);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var tool = new Tool
        {
            Name = request.Name!,
            Description = request.Description,
            ModulePath = request.ModulePath!,
            Schema = request.Schema is { } schema ? RegistryJson.ToJsonb(schema) : null,
            Agent = await ResolveAgentAsync(request.Agent, cancellationToken),
            IsActive = request.IsActive ?? true,
        };
        db.Tools.Add(tool);
        await db.SaveUniqueAsync(Entity, tool.Name, cancellationToken);
        var changes = new Dictionary<string, object?>
        {
            ["description"] = tool.Description,
            ["modulePath"] = tool.ModulePath,
            ["schema"] = request.Schema,
            ["agent"] = tool.Agent?.Name,
            ["isActive"] = tool.IsActive,
        };
        await AuditLog.RecordAsync(new AuditEvent(RegistryChange.Action, actor, new RegistryChange(Entity, tool.Name, "create", changes)), db, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return ToolView.From(tool);
    }

    /// <summary>Replaces the editable state. Throws NotFoundException for an unknown tool, BadRequestException naming "agent" for an unknown agent.</summary>
    public async Task<ToolView> UpdateAsync(string name, ToolChanges state, string actor, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var tool = await LockAsync(name, cancellationToken);
        var agent = await ResolveAgentAsync(state.Agent, cancellationToken);
        var changes = new RegistryChangeSet();
        changes.Set("description", tool.Description, state.Description, v => tool.Description = v);
        changes.Set("modulePath", tool.ModulePath, state.ModulePath!, v => tool.ModulePath = v);
        await ChangeSchemaAsync(changes, tool, state.Schema is { } schema ? RegistryJson.ToJsonb(schema) : null, cancellationToken);
        changes.Set("agent", tool.Agent?.Name, agent?.Name, _ => tool.Agent = agent);
        changes.Set("isActive", tool.IsActive, state.IsActive ?? true, v => tool.IsActive = v);
        await SaveAsync(tool, changes, "update", actor, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return ToolView.From(tool);
    }

    /// <summary>Sets isActive = false (a no-op for an inactive tool). Throws NotFoundException for an unknown name.</summary>
    public async Task<ToolView> DeactivateAsync(string name, string actor, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var tool = await LockAsync(name, cancellationToken);
        var changes = new RegistryChangeSet();
        changes.Set("isActive", tool.IsActive, false, v => tool.IsActive = v);
        await SaveAsync(tool, changes, "deactivate", actor, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return ToolView.From(tool);
    }

    private async Task<Agent?> ResolveAgentAsync(string? name, CancellationToken cancellationToken)
    {
        if (name is null)
        {
            return null;
        }

        return (RegistryText.IsName(name) ? await db.Agents.SingleOrDefaultAsync(a => a.Name == name, cancellationToken) : null)
            ?? throw new BadRequestException("agent", $"No agent is named '{name}'.");
    }

    // jsonb equality ignores key order and spacing, so an unchanged schema sent in another form is not a change.
    private async Task ChangeSchemaAsync(RegistryChangeSet changes, Tool tool, string? wanted, CancellationToken cancellationToken)
    {
        var same = (tool.Schema, wanted) switch
        {
            (null, null) => true,
            (null, _) or (_, null) => false,
            _ => await db.Database.SqlQuery<bool>($"SELECT {tool.Schema}::jsonb = {wanted}::jsonb AS \"Value\"").SingleAsync(cancellationToken),
        };
        if (!same)
        {
            changes.Note("schema", tool.Schema is null ? null : JsonbText.Element(tool.Schema), wanted is null ? null : JsonbText.Element(wanted));
            tool.Schema = wanted;
        }
    }

    private async Task SaveAsync(Tool tool, RegistryChangeSet changes, string operation, string actor, CancellationToken cancellationToken)
    {
        if (changes.IsEmpty)
        {
            return;
        }

        tool.UpdatedAt = DatabaseClock.UtcNow();
        await db.SaveChangesAsync(cancellationToken);
        await changes.RecordAsync(db, Entity, tool.Name, operation, actor, null, cancellationToken);
    }

    // FOR UPDATE serialises concurrent changes of one tool.
    private async Task<Tool> LockAsync(string name, CancellationToken cancellationToken)
    {
        var tool = (RegistryText.IsName(name)
                ? await db.Tools.FromSql($"SELECT * FROM tools WHERE name = {name} FOR UPDATE").SingleOrDefaultAsync(cancellationToken)
                : null)
            ?? throw new NotFoundException(Missing(name));
        await db.Entry(tool).Reference(t => t.Agent).LoadAsync(cancellationToken);
        return tool;
    }

    /// <summary>The detail of the 404 for a name that names no tool.</summary>
    public static string Missing(string name) => $"No tool is named '{name}'.";
}
