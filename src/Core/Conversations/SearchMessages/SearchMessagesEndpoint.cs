using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Monolith.Database;
using Monolith.Http;
using Npgsql;

namespace Monolith.Conversations;

/// <summary>GET /api/conversations/search?userId=&amp;q=&amp;limit=: full-text search over one user's messages, best first.</summary>
public static class SearchMessagesEndpoint
{
    public const int DefaultLimit = 20;

    // The query side is FullTextLanguages.Query, mirroring the stored vector: the same three configurations OR-ed, so a word
    // matches by its exact form (simple: any language, Ukrainian included), its English stem or its Russian stem, and
    // a Ukrainian word also by its stem as a prefix ($6, UkrainianStems.Query).
    // websearch_to_tsquery never raises a syntax error, whatever the user typed. The headline is built with 'russian',
    // which stems Cyrillic words with the Russian stemmer and Latin words with the English one, so it marks the same
    // words the match used. Headlines are costly, so they are made only for the page of hits. The markers are
    // private-use characters removed from the text first, and SearchSnippet escapes everything else: a message's own
    // markup reaches the client as text, never as HTML.
    private static readonly string SearchSql = $"""
        WITH query AS (
            SELECT {FullTextLanguages.Query("$2", "$6")} AS q),
        hits AS (
            SELECT m.conversation_id, m.id, m.sequence, m.role, m.content, m.created_at, ts_rank_cd(m.search_vector, query.q) AS rank, query.q
            FROM messages m JOIN conversations c ON c.id = m.conversation_id CROSS JOIN query
            WHERE c.user_id = $1 AND m.search_vector @@ query.q
            ORDER BY rank DESC, m.created_at DESC, m.id
            LIMIT $3)
        SELECT conversation_id, id, sequence, role,
               ts_headline('russian', translate(content, $4, ''), q, $5),
               rank, created_at
        FROM hits ORDER BY rank DESC, created_at DESC, id
        """;

    public static RouteHandlerBuilder Map(RouteGroupBuilder group) =>
        group.MapGet("/search", HandleAsync).Validates<SearchMessagesQuery>();

    private static async Task<Ok<IReadOnlyList<MessageSearchHit>>> HandleAsync(
        [AsParameters] SearchMessagesQuery query, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(SearchSql);
        command.Parameters.Add(new NpgsqlParameter { Value = query.UserId!.Value });
        command.Parameters.Add(new NpgsqlParameter { Value = JsonbText.SanitizeText(query.Q!) });
        command.Parameters.Add(new NpgsqlParameter { Value = query.Limit ?? DefaultLimit });
        command.Parameters.Add(new NpgsqlParameter { Value = $"{SearchSnippet.Start}{SearchSnippet.Stop}" });
        command.Parameters.Add(new NpgsqlParameter { Value = SearchSnippet.HeadlineOptions });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)UkrainianStems.Query(JsonbText.SanitizeText(query.Q!)) ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        var hits = new List<MessageSearchHit>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            hits.Add(new MessageSearchHit(
                reader.GetGuid(0), reader.GetGuid(1), reader.GetInt64(2), reader.GetString(3), SearchSnippet.ToHtml(reader.GetString(4)),
                reader.GetFloat(5), reader.GetDateTime(6)));
        }

        return TypedResults.Ok<IReadOnlyList<MessageSearchHit>>(hits);
    }
}
