using Microsoft.EntityFrameworkCore;
using Monolith.Audit;
using Monolith.Http;

namespace Monolith.Registry;

/// <summary>The agents registry; every change commits with its registry_change audit row.</summary>
public sealed class AgentRegistry(RegistryDbContext db)
{
    private const string Entity = "agent";

    /// <summary>The agent of this name when it exists and is active: what the bot uses to pick an agent.</summary>
    public async Task<AgentView?> FindActiveAsync(string name, CancellationToken cancellationToken)
    {
        var agent = await FindAsync(name, cancellationToken);
        return agent is { IsActive: true } ? agent : null;
    }

    public async Task<AgentView?> FindAsync(string name, CancellationToken cancellationToken)
    {
        if (!RegistryText.IsName(name))
        {
            return null;
        }

        var agent = await db.Agents.AsNoTracking().SingleOrDefaultAsync(a => a.Name == name, cancellationToken);
        return agent is null ? null : AgentView.From(agent);
    }

    /// <summary>Agents ordered by name after <paramref name="afterName"/>; up to limit rows.</summary>
    public async Task<IReadOnlyList<AgentView>> ListAsync(bool? active, string? afterName, int limit, CancellationToken cancellationToken)
    {
        var rows = db.Agents.AsNoTracking();
        if (active is { } isActive)
        {
            rows = rows.Where(a => a.IsActive == isActive);
        }

        if (afterName is not null)
        {
            rows = rows.Where(a => a.Name.CompareTo(afterName) > 0);
        }

        var agents = await rows.OrderBy(a => a.Name).Take(limit).ToListAsync(cancellationToken);
        return [.. agents.Select(AgentView.From)];
    }

    public async Task<AgentView> CreateAsync(CreateAgentRequest request, string actor, CancellationToken cancellationToken)
    {
        if (await db.Agents.AnyAsync(a => a.Name == request.Name, cancellationToken))
        {
            throw RegistryConflicts.NameTaken(Entity, request.Name!);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var agent = new Agent
        {
            Name = request.Name!,
            Description = request.Description,
            ConfigPath = request.ConfigPath!,
            IsActive = request.IsActive ?? true,
            CreatedBy = actor,
        };
        db.Agents.Add(agent);
        await db.SaveUniqueAsync(Entity, agent.Name, cancellationToken);
        var changes = new Dictionary<string, object?>
        {
            ["description"] = agent.Description,
            ["configPath"] = agent.ConfigPath,
            ["isActive"] = agent.IsActive,
        };
        await AuditLog.RecordAsync(new AuditEvent(RegistryChange.Action, actor, new RegistryChange(Entity, agent.Name, "create", changes, agent.Version)), db, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return AgentView.From(agent);
    }

    /// <summary>Replaces the editable state; the version goes up by one when anything changed. Throws NotFoundException for an unknown name.</summary>
    public async Task<AgentView> UpdateAsync(string name, AgentChanges state, string actor, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var agent = await LockAsync(name, cancellationToken);
        var changes = new RegistryChangeSet();
        changes.Set("description", agent.Description, state.Description, v => agent.Description = v);
        changes.Set("configPath", agent.ConfigPath, state.ConfigPath!, v => agent.ConfigPath = v);
        changes.Set("isActive", agent.IsActive, state.IsActive ?? true, v => agent.IsActive = v);
        await SaveAsync(agent, changes, "update", actor, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return AgentView.From(agent);
    }

    /// <summary>Sets isActive = false (a no-op for an inactive agent). Throws NotFoundException for an unknown name.</summary>
    public async Task<AgentView> DeactivateAsync(string name, string actor, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var agent = await LockAsync(name, cancellationToken);
        var changes = new RegistryChangeSet();
        changes.Set("isActive", agent.IsActive, false, v => agent.IsActive = v);
        await SaveAsync(agent, changes, "deactivate", actor, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return AgentView.From(agent);
    }

    private async Task SaveAsync(Agent agent, RegistryChangeSet changes, string operation, string actor, CancellationToken cancellationToken)
    {
        if (changes.IsEmpty)
        {
            return;
        }

        agent.Version++;
        agent.UpdatedAt = DatabaseClock.UtcNow();
        await db.SaveChangesAsync(cancellationToken);
        await changes.RecordAsync(db, Entity, agent.Name, operation, actor, agent.Version, cancellationToken);
    }

    // FOR UPDATE serialises concurrent updates of one agent, so no version bump is lost.
    private async Task<Agent> LockAsync(string name, CancellationToken cancellationToken) =>
        (RegistryText.IsName(name)
            ? await db.Agents.FromSql($"SELECT * FROM agents WHERE name = {name} FOR UPDATE").SingleOrDefaultAsync(cancellationToken)
            : null)
        ?? throw new NotFoundException(Missing(name));

    /// <summary>The detail of the 404 for a name that names no agent.</summary>
    public static string Missing(string name) => $"No agent is named '{name}'.";
}
