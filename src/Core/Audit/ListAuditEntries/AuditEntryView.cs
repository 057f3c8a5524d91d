using System.Text.Json;
using Monolith.Database;

namespace Monolith.Audit;

/// <summary>An audit_log row as the admin API shows it.</summary>
public sealed record AuditEntryView(
    long Id, string Action, string Actor, JsonElement Details, string? GitCommit, string? GitBranch, string Status, DateTime CreatedAt)
{
    public static AuditEntryView From(AuditEntry entry) =>
        new(entry.Id, entry.Action, entry.Actor, JsonbText.Element(entry.Details), entry.GitCommit, entry.GitBranch, entry.Status, entry.CreatedAt);
}
