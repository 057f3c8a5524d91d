using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Monolith.Search;
using Monolith.Tests.Support;
using Npgsql;

namespace Monolith.Tests.Core.Search;

public sealed class ExistingMessagesAreIndexedByTheBackfill
{
    private const string BeforeBackfill = "20261122223628_SearchOutboxAndFullText";

    [Fact]
    public async Task UserAndSystemMessagesStoredBeforeIndexingGetRowsTheWorkerEmbeds()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var host = await TestHost.StartAsync(TestHost.Settings(database.ConnectionString));
        await MigrateSearchAsync(host, BeforeBackfill);
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using (var seed = new NpgsqlCommand("""
            WITH c AS (INSERT INTO conversations (user_id, chat_id, last_sequence) VALUES (5, -77, 5) RETURNING id)
            INSERT INTO messages (conversation_id, sequence, role, content, metadata)
            SELECT c.id, m.sequence, m.role, m.content, m.metadata::jsonb FROM c, (VALUES
                (1, 'user', 'the spare key is under the mat', '{}'),
                (2, 'assistant', 'noted the spare key', '{}'),
                (3, 'system', 'prefers short answers', '{}'),
                (4, 'tool', '{"results": []}', '{}'),
                (5, 'user', '[forgotten]', '{"forgotten": true}')) AS m(sequence, role, content, metadata)
            """, connection))
        {
            await seed.ExecuteNonQueryAsync();
        }

        // Enough further user messages for three batches, so the test sees that batches commit one by one.
        await using (var more = new NpgsqlCommand("""
            INSERT INTO messages (conversation_id, sequence, role, content, metadata)
            SELECT (SELECT id FROM conversations WHERE chat_id = -77), 5 + i, 'user', 'bulk message ' || i, '{}'::jsonb FROM generate_series(1, 2500) i
            """, connection))
        {
            await more.ExecuteNonQueryAsync();
        }

        await MigrateSearchAsync(host, null);

        await using (var batches = new NpgsqlCommand("SELECT count(*), count(DISTINCT xmin::text) FROM search_index WHERE entity_type = 'message'", connection))
        await using (var reader = await batches.ExecuteReaderAsync())
        {
            await reader.ReadAsync();
            Assert.Equal(2502L, reader.GetInt64(0));
            Assert.InRange(reader.GetInt64(1), 3L, 4L);
        }

        var rows = new Dictionary<long, (string Content, JsonElement Metadata, long UserId)>();
        await using (var read = new NpgsqlCommand("""
            SELECT (s.metadata->>'sequence')::bigint, s.content, s.metadata::text, s.user_id
            FROM search_index s JOIN messages m ON m.id = s.entity_id WHERE s.entity_type = 'message' AND (s.metadata->>'sequence')::bigint <= 5
            """, connection))
        await using (var reader = await read.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                rows[reader.GetInt64(0)] = (reader.GetString(1), JsonDocument.Parse(reader.GetString(2)).RootElement.Clone(), reader.GetInt64(3));
            }
        }

        Assert.Equal([1L, 3L], rows.Keys.Order());
        Assert.Equal("the spare key is under the mat", rows[1].Content);
        Assert.Equal(5, rows[1].UserId);
        Assert.Equal(-77, rows[1].Metadata.GetProperty("chatId").GetInt64());
        Assert.Equal("system", rows[3].Metadata.GetProperty("role").GetString());
        Assert.True(rows[1].Metadata.GetProperty("createdAt").TryGetDateTimeOffset(out _));
        await Eventually.TrueAsync(async () =>
        {
            await using var embedded = new NpgsqlCommand("SELECT count(*) FROM search_index WHERE entity_type = 'message' AND embedding IS NOT NULL AND metadata->>'sequence' IN ('1', '3')", connection);
            return (long)(await embedded.ExecuteScalarAsync())! == 2;
        });
    }

    private static async Task MigrateSearchAsync(TestHost host, string? target)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<SearchDbContext>();
        if (target is null)
        {
            await context.Database.MigrateAsync();
        }
        else
        {
            await context.GetService<IMigrator>().MigrateAsync(target);
        }
    }
}
