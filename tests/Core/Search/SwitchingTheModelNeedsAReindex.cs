using Microsoft.Extensions.Configuration;
using Monolith.Configuration;
using Monolith.Host;
using Monolith.Operations;
using Monolith.Search;
using Monolith.Tests.Support;

namespace Monolith.Tests.Core.Search;

/// <summary>
/// Vectors of one model are never compared with another's: the service refuses to start with another provider at the
/// same dimension until tools/monolith reindex has re-embedded them, and a service still running with the old provider
/// keeps answering meanwhile.
/// </summary>
public sealed class SwitchingTheModelNeedsAReindex
{
    [Fact]
    public async Task HashingVectorsStopTheDefaultModelUntilReindexed()
    {
        await using var database = await TestDatabase.CreateAsync("monolith_switch");
        var hashing = TestHost.Settings(database.ConnectionString);
        var onnx = TestHost.Settings(database.ConnectionString);
        onnx.Remove("EMBEDDING_PROVIDER");
        await using var old = await TestHost.StartAsync(hashing);
        var client = old.Client();
        await SearchApi.IndexAsync(client, "note", Guid.NewGuid(), 1, "My cat is called Murka.");
        await SearchApi.IndexAsync(client, "note", Guid.NewGuid(), 1, "I am learning Japanese every evening.");

        var refused = await Assert.ThrowsAsync<ConfigurationException>(() => TestHost.StartAsync(onnx));
        Assert.StartsWith("EMBEDDING_PROVIDER gives onnx:all-MiniLM-L6-v2 but search_index holds embeddings made by hashing:hashing-ngrams-3-5", refused.Message, StringComparison.Ordinal);
        Assert.Contains("tools/monolith reindex", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', refused.Message);

        // tools/monolith reindex with the new settings, while the old service runs.
        await using (var operatorHost = MonolithApplication.Build([], builder => builder.Configuration.AddInMemoryCollection(onnx)))
        {
            var output = new StringWriter();
            Assert.Equal(0, await new ReindexCommand().RunAsync(operatorHost.Services, OperatorArguments.Parse([]), output, CancellationToken.None));
            Assert.Contains("reindex: 2/2 documents", output.ToString(), StringComparison.Ordinal);
        }

        // The old service still answers: full text and word forms find the note; its own model's vectors are gone.
        Assert.Contains("My cat is called Murka.", (await SearchApi.SearchAsync(client, 1, "Murka", mode: "hybrid")).Select(SearchApi.ContentOf));
        Assert.Empty(await SearchApi.SearchAsync(client, 1, "Murka", mode: "semantic"));

        await using var upgraded = await TestHost.StartAsync(onnx);
        var hits = await SearchApi.SearchAsync(upgraded.Client(), 1, "What's the name of my pet?", mode: "semantic", limit: 1);
        Assert.Equal("My cat is called Murka.", SearchApi.ContentOf(Assert.Single(hits)));
    }
}
