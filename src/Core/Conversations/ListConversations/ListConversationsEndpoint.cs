using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Monolith.Http;
using Npgsql;
using NpgsqlTypes;

namespace Monolith.Conversations;

/// <summary>GET /api/conversations?userId=&amp;status=: one user's conversations, newest first, in cursor pages.</summary>
public static class ListConversationsEndpoint
{
    // Ordered by creation, not by last activity: an append must not move a conversation between pages mid-walk.
    private const string ListSql = $"""
        SELECT {ConversationView.Columns} FROM conversations
        WHERE user_id = $1 AND ($2::text IS NULL OR status = $2)
          AND ($3::timestamptz IS NULL OR (created_at, id) < ($3, $4))
        ORDER BY created_at DESC, id DESC LIMIT $5
        """;

    public static RouteHandlerBuilder Map(RouteGroupBuilder group) =>
        group.MapGet("/", HandleAsync).Validates<ListConversationsQuery>();

    private static async Task<Ok<Page<ConversationView>>> HandleAsync(
        [AsParameters] ListConversationsQuery query, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var limit = PageCursor.Limit(query.Limit);
        var after = PageCursor.Decode<ConversationCursor>(query.Cursor);
        await using var command = dataSource.CreateCommand(ListSql);
        command.Parameters.Add(new NpgsqlParameter { Value = query.UserId!.Value });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)query.Status ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)after?.CreatedAt ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter { Value = after?.Id ?? Guid.Empty });
        command.Parameters.Add(new NpgsqlParameter { Value = limit + 1 });
        var rows = new List<ConversationView>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(ConversationView.Read(reader));
        }

        return TypedResults.Ok(PageCursor.ToPage(rows, limit, c => c, c => new ConversationCursor(c.CreatedAt, c.Id)));
    }

    private sealed record ConversationCursor(DateTime CreatedAt, Guid Id);
}
