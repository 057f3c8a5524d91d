using Microsoft.EntityFrameworkCore;
using Monolith.Http;

namespace Monolith.Registry;

/// <summary>Records and lists calls of registered tools.</summary>
public sealed class ToolUsageLog(RegistryDbContext db)
{
    /// <summary>Records one call of the named tool (active or not: the call happened). Throws NotFoundException for an unknown tool.</summary>
    public async Task<ToolUsageView> RecordAsync(string toolName, ToolUsageInput call, CancellationToken cancellationToken)
    {
        var toolId = await ToolIdAsync(toolName, cancellationToken);
        var usage = new ToolUsage
        {
            ToolId = toolId,
            ConversationId = call.ConversationId,
            MessageId = call.MessageId,
            Arguments = RegistryJson.ToJsonb(call.Arguments),
            Result = RegistryJson.ToJsonb(call.Result),
            ExecutionTimeMs = call.ExecutionTimeMs ?? 0,
            ServerName = call.ServerName,
        };
        db.ToolUsages.Add(usage);
        await db.SaveChangesAsync(cancellationToken);
        return ToolUsageView.From(usage, toolName);
    }

    /// <summary>Calls of the named tool, newest first, after the cursor; up to limit rows.</summary>
    public async Task<IReadOnlyList<ToolUsageView>> ListAsync(string toolName, ToolUsageCursor? after, int limit, CancellationToken cancellationToken)
    {
        var toolId = await ToolIdAsync(toolName, cancellationToken);
        var rows = db.ToolUsages.AsNoTracking().Where(u => u.ToolId == toolId);
        if (after is not null)
        {
            rows = rows.Where(u => EF.Functions.LessThan(ValueTuple.Create(u.CreatedAt, u.Id), ValueTuple.Create(after.CreatedAt, after.Id)));
        }

        var usages = await rows.OrderByDescending(u => u.CreatedAt).ThenByDescending(u => u.Id).Take(limit).ToListAsync(cancellationToken);
        return [.. usages.Select(u => ToolUsageView.From(u, toolName))];
    }

    private async Task<Guid> ToolIdAsync(string name, CancellationToken cancellationToken)
    {
        var ids = RegistryText.IsName(name)
            ? await db.Tools.Where(t => t.Name == name).Select(t => t.Id).ToListAsync(cancellationToken)
            : [];
        return ids.Count == 1 ? ids[0] : throw new NotFoundException(ToolRegistry.Missing(name));
    }
}
