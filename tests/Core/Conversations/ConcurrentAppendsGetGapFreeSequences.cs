using Monolith.Tests.Support;
using Npgsql;
using static Monolith.Tests.Core.Conversations.ConversationsApi;

namespace Monolith.Tests.Core.Conversations;

public sealed class ConcurrentAppendsGetGapFreeSequences(MonolithFixture fixture) : IntegrationTest(fixture)
{
    private const int Parallel = 32;
    private const int Rounds = 4;

    [Fact]
    public async Task ParallelAppendsToOneConversationAreNumberedOneToNWithNoneLost()
    {
        var client = Fixture.Client();
        var id = await StartIdAsync(client, 42);
        var answered = new List<long>();
        for (var round = 0; round < Rounds; round++)
        {
            var batch = await Task.WhenAll(Enumerable.Range(0, Parallel).Select(i =>
                AppendAsync(client, id, $"round {round} writer {i}")));
            answered.AddRange(batch.Select(m => m.GetProperty("sequence").GetInt64()));
        }

        const int total = Parallel * Rounds;
        Assert.Equal(Enumerable.Range(1, total).Select(i => (long)i), answered.Order());

        await using var connection = new NpgsqlConnection(Fixture.ConnectionString);
        await connection.OpenAsync();
        await using var stored = new NpgsqlCommand(
            "SELECT count(*), count(DISTINCT content), min(sequence), max(sequence), (SELECT last_sequence FROM conversations WHERE id = $1) FROM messages WHERE conversation_id = $1",
            connection);
        stored.Parameters.Add(new NpgsqlParameter { Value = id });
        await using var reader = await stored.ExecuteReaderAsync();
        await reader.ReadAsync();
        Assert.Equal(total, reader.GetInt64(0));
        Assert.Equal(total, reader.GetInt64(1));
        Assert.Equal(1, reader.GetInt64(2));
        Assert.Equal(total, reader.GetInt64(3));
        Assert.Equal(total, reader.GetInt64(4));
    }

    [Fact]
    public async Task AppendsToDifferentConversationsNumberEachFromOne()
    {
        var client = Fixture.Client();
        var ids = await Task.WhenAll(Enumerable.Range(1, 4).Select(chat => StartIdAsync(client, 42, chat)));
        var appended = await Task.WhenAll(ids.SelectMany(id => Enumerable.Range(0, 8).Select(i => AppendAsync(client, id, $"m{i}"))));
        foreach (var id in ids)
        {
            var sequences = appended.Where(m => m.GetProperty("conversationId").GetGuid() == id).Select(m => m.GetProperty("sequence").GetInt64());
            Assert.Equal(Enumerable.Range(1, 8).Select(i => (long)i), sequences.Order());
        }
    }
}
