using System.Text.Json;
using Monolith.Database;
using Npgsql;

namespace Monolith.Conversations;

/// <summary>A conversation as the API and other modules see it; lastSequence is the sequence of its newest message.</summary>
public sealed record ConversationView(
    Guid Id, long UserId, long ChatId, string? Title, string Status, JsonElement Metadata, long LastSequence, DateTime CreatedAt, DateTime UpdatedAt)
{
    /// <summary>The columns <see cref="Read"/> expects, in order.</summary>
    internal const string Columns = "id, user_id, chat_id, title, status, metadata, last_sequence, created_at, updated_at";

    internal static ConversationView Read(NpgsqlDataReader reader) => new(
        reader.GetGuid(0),
        reader.GetInt64(1),
        reader.GetInt64(2),
        reader.IsDBNull(3) ? null : reader.GetString(3),
        reader.GetString(4),
        JsonbText.Element(reader.GetString(5)),
        reader.GetInt64(6),
        reader.GetDateTime(7),
        reader.GetDateTime(8));
}
