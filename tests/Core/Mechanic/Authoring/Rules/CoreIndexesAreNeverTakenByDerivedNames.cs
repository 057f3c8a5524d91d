using Monolith.Mechanic;
using System.Net;
using System.Text.Json;

namespace Monolith.Tests.Core.Mechanic;

/// <summary>
/// Tables search and telegram derive ix_search_index_embedding_hnsw and ix_telegram_updates_pending for the fields
/// IndexEmbeddingHnsw and UpdatesPending: names of core indexes. Adding such a reference field is rejected with a
/// finding that names the core index, and the core indexes stay valid on their own tables.
/// </summary>
public sealed class CoreIndexesAreNeverTakenByDerivedNames
{
    [Fact]
    public async Task AddingAReferenceWhoseIndexNameIsACoreIndexIsRejectedAndTheCoreIndexStays()
    {
        await using var env = await MechanicEnvironment.StartAsync();
        var client = env.AdminClient();
        foreach (var (entity, table) in new[] { ("Search", "search"), ("Telegram", "telegram") })
        {
            var created = await ChangeRequests.ProposeAsync(client, Request(entity, table, new { name = "Title", type = "text" }));
            var approved = await ChangeRequests.ApproveAsync(client, created);
            Assert.True(approved.StatusCode == HttpStatusCode.OK, await approved.Content.ReadAsStringAsync());
        }

        foreach (var (entity, table, field, index, coreTable) in new[]
        {
            ("Search", "search", "IndexEmbeddingHnsw", "ix_search_index_embedding_hnsw", "search_index"),
            ("Telegram", "telegram", "UpdatesPending", "ix_telegram_updates_pending", "telegram_updates"),
        })
        {
            var proposal = await ChangeRequests.ProposeAsync(
                client, Request(entity, table, new { name = "Title", type = "text" }, new { name = field, type = "uuid", references = entity }));

            Assert.True(proposal.GetProperty("status").GetString() == "rejected", proposal.ToString());
            var finding = proposal.GetProperty("findings").EnumerateArray()
                .Single(f => f.GetProperty("rule").GetString() == DerivedNameRules.Rule && f.GetProperty("message").GetString()!.StartsWith("the index", StringComparison.Ordinal));
            Assert.Contains($"index {index} on table {coreTable} in the database", finding.GetProperty("message").GetString(), StringComparison.Ordinal);
            Assert.Equal(coreTable, await env.ScalarAsync<string>("SELECT indrelid::regclass::text FROM pg_index WHERE indexrelid = to_regclass($1) AND indisvalid", index));
            Assert.False(await env.ScalarAsync<bool>("SELECT EXISTS (SELECT FROM pg_attribute WHERE attrelid = to_regclass($1) AND attnum > 0 AND NOT attisdropped AND attname = $2)", table, Monolith.Database.SnakeCaseNames.Convert(field)));
        }
    }

    private static object Request(string name, string table, params object[] fields) =>
        new { instruction = $"the {name} entity", actor = "story-agent", entity = new { name, table, fields } };
}
