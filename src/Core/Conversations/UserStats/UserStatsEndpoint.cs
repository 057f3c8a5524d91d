using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Monolith.Http;
using Npgsql;

namespace Monolith.Conversations;

/// <summary>GET /api/users/{userId}/stats: counts of the user's conversations, messages and tool calls, and the last activity.</summary>
public static class UserStatsEndpoint
{
    // tool_usage belongs to the Registry module. This one read-only query joins it by conversation_id, which is the
    // only link between the modules; going through Registry's DbContext would break the module boundary, and a
    // service call per conversation would not be one query. A user with no data gets zeros, not 404.
    private const string StatsSql = """
        WITH mine AS (SELECT id, updated_at FROM conversations WHERE user_id = $1)
        SELECT (SELECT count(*) FROM mine),
               (SELECT count(*) FROM messages m JOIN mine ON mine.id = m.conversation_id),
               (SELECT count(*) FROM tool_usage t JOIN mine ON mine.id = t.conversation_id),
               greatest((SELECT max(updated_at) FROM mine),
                        (SELECT max(t.created_at) FROM tool_usage t JOIN mine ON mine.id = t.conversation_id))
        """;

    public static RouteHandlerBuilder Map(RouteGroupBuilder group) =>
        group.MapGet("/{userId}/stats", HandleAsync).Validates<UserStatsQuery>();

    private static async Task<Ok<UserStatsView>> HandleAsync([AsParameters] UserStatsQuery query, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(StatsSql);
        command.Parameters.Add(new NpgsqlParameter { Value = query.UserId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return TypedResults.Ok(new UserStatsView(
            reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.IsDBNull(3) ? null : reader.GetDateTime(3)));
    }
}
