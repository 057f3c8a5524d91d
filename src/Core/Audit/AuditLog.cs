using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Monolith.Database;
using Monolith.Http;
using Npgsql;
using NpgsqlTypes;

namespace Monolith.Audit;

/// <summary>The one way modules write audit_log. The log is append-only: nothing here updates or deletes.</summary>
public sealed class AuditLog(NpgsqlDataSource dataSource)
{
    private const string InsertSql = """
        INSERT INTO audit_log (action, actor, details, status, git_commit, git_branch)
        VALUES ($1, $2, $3, $4, $5, $6) RETURNING id
        """;

    private static readonly JsonSerializerOptions DetailsJson = CreateDetailsJson();

    /// <summary>Records the event in its own transaction.</summary>
    public async Task<long> RecordAsync(AuditEvent audit, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await RecordAsync(audit, connection, null, cancellationToken);
    }

    /// <summary>Records the event inside the context's current transaction, so it commits or rolls back with the change it describes.</summary>
    public static Task<long> RecordAsync(AuditEvent audit, DbContext context, CancellationToken cancellationToken) =>
        RecordAsync(audit, (NpgsqlConnection)context.Database.GetDbConnection(), (NpgsqlTransaction?)context.Database.CurrentTransaction?.GetDbTransaction(), cancellationToken);

    public static async Task<long> RecordAsync(AuditEvent audit, NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(InsertSql, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = Truncate(audit.Action, 50) });
        command.Parameters.Add(new NpgsqlParameter { Value = Truncate(audit.Actor, 100) });
        command.Parameters.Add(new NpgsqlParameter { Value = DetailsOf(audit), NpgsqlDbType = NpgsqlDbType.Jsonb });
        command.Parameters.Add(new NpgsqlParameter { Value = Truncate(audit.Status, 20) });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)audit.GitCommit ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Varchar });
        command.Parameters.Add(new NpgsqlParameter { Value = audit.GitBranch is null ? DBNull.Value : Truncate(audit.GitBranch, 100), NpgsqlDbType = NpgsqlDbType.Varchar });
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static string DetailsOf(AuditEvent audit) =>
        audit.Details is null ? "{}" : JsonbText.Sanitize(JsonSerializer.Serialize(audit.Details, DetailsJson));

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];

    private static JsonSerializerOptions CreateDetailsJson()
    {
        var options = new JsonSerializerOptions();
        HttpModule.Configure(options);
        return options;
    }
}
