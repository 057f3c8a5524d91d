using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Monolith.Configuration;
using Monolith.Search;

namespace Monolith.Tests.Core.Search;

public sealed class OpenAiProviderRetriesAndChecksDimensions : IAsyncLifetime
{
    private FakeEmbeddingServer server = null!;
    private ServiceProvider services = null!;

    public async Task InitializeAsync()
    {
        server = await FakeEmbeddingServer.StartAsync(16);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["EMBEDDING_PROVIDER"] = "openai",
            ["OPENAI_BASE_URL"] = server.BaseUrl.ToString(),
            ["OPENAI_API_KEY"] = "test-openai-key",
            ["EMBEDDING_MODEL"] = "multilingual-e5-small",
            ["EMBEDDING_DIM"] = "16",
        }).Build();
        services = new ServiceCollection().AddLogging(l => l.ClearProviders()).AddSearchModule(new SettingReader(configuration)).BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await services.DisposeAsync();
        await server.DisposeAsync();
    }

    [Fact]
    public async Task ServerErrorsAndRateLimitsAreRetried()
    {
        server.FailNext(500, 429);
        var generator = services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();

        var embeddings = await generator.GenerateAsync(["привіт світ", "hello world"]);

        Assert.Equal(3, server.Requests);
        Assert.Equal(2, embeddings.Count);
        Assert.Equal(new HashingEmbeddingGenerator(16).Embed("привіт світ"), embeddings[0].Vector.ToArray());
        Assert.Equal(new HashingEmbeddingGenerator(16).Embed("hello world"), embeddings[1].Vector.ToArray());
    }

    [Fact]
    public async Task InputsAreSentInBatches()
    {
        var generator = services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();
        var embeddings = await generator.GenerateAsync(Enumerable.Range(0, 100).Select(i => $"text {i}"));
        Assert.Equal(100, embeddings.Count);
        Assert.Equal([36, 64], server.BatchSizes.Order());
    }

    [Fact]
    public async Task E5PrefixesAreAddedForAnE5Model()
    {
        var embedder = services.GetRequiredService<SearchEmbedder>();
        var query = await embedder.EmbedQueryAsync("книга", CancellationToken.None);
        var passage = (await embedder.EmbedPassagesAsync(["книга"], CancellationToken.None))[0];
        Assert.Equal(new HashingEmbeddingGenerator(16).Embed("query: книга"), query);
        Assert.Equal(new HashingEmbeddingGenerator(16).Embed("passage: книга"), passage);
    }

    [Fact]
    public async Task WrongDimensionIsAClearError()
    {
        server.Dimension = 24;
        var embedder = services.GetRequiredService<SearchEmbedder>();
        var error = await Assert.ThrowsAsync<EmbeddingFailedException>(() => embedder.EmbedQueryAsync("hello", CancellationToken.None));
        Assert.Contains("returned 24-dimensional vectors but EMBEDDING_DIM is 16", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PersistentFailureIsAnEmbeddingFailureNamingTheStatus()
    {
        server.FailWith = 503;
        var embedder = services.GetRequiredService<SearchEmbedder>();
        var error = await Assert.ThrowsAsync<EmbeddingFailedException>(() => embedder.EmbedQueryAsync("hello", CancellationToken.None));
        Assert.Contains("503", error.Message, StringComparison.Ordinal);
        Assert.Equal(4, server.Requests);
    }
}
