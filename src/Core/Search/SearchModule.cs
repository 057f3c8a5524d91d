using System.Globalization;
using FluentValidation;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Monolith.Configuration;
using Monolith.Database;

namespace Monolith.Search;

/// <summary>Semantic memory: search_index with pgvector embeddings, full text and hybrid search.</summary>
public static class SearchModule
{
    public static IServiceCollection AddSearchModule(this IServiceCollection services, SettingReader settings)
    {
        var embedding = EmbeddingSettings.Read(settings);
        services.AddSingleton(embedding);
        AddEmbeddingGenerator(services, embedding);
        services.AddSingleton<SearchEmbedder>();
        services.AddSingleton<SearchIndexer>();
        services.AddSingleton<DocumentSearch>();
        services.AddHostedService<EmbeddingDimensionCheck>();
        services.AddHostedService<EmbeddingWorker>();
        services.AddScoped<IValidator<IndexDocumentRequest>, IndexDocumentRequestValidator>();
        services.AddScoped<IValidator<IndexBatchRequest>, IndexBatchRequestValidator>();
        services.AddScoped<IValidator<SearchRequest>, SearchRequestValidator>();
        return services.AddModuleDbContext<SearchDbContext>("search", new Dictionary<string, string>
        {
            [SearchDbContext.DimensionSessionSetting] = embedding.Dimension.ToString(CultureInfo.InvariantCulture),
        });
    }

    private static void AddEmbeddingGenerator(IServiceCollection services, EmbeddingSettings embedding)
    {
        switch (embedding.Provider)
        {
            case EmbeddingProvider.Onnx:
                services.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(_ => embedding.DefaultModel
                    ? OnnxEmbeddingGenerator.Default(embedding.Dimension)
                    : new OnnxEmbeddingGenerator(embedding.ModelPath!, embedding.TokenizerPath!, embedding.Dimension));
                break;
            case EmbeddingProvider.OpenAi:
                services.AddHttpClient(OpenAiEmbeddingGenerator.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
                    .AddStandardResilienceHandler(options =>
                    {
                        options.Retry.MaxRetryAttempts = 3;
                        options.Retry.Delay = TimeSpan.FromMilliseconds(250);
                        options.AttemptTimeout.Timeout = TimeSpan.FromSeconds(20);
                        options.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(60);
                        options.CircuitBreaker.SamplingDuration = TimeSpan.FromSeconds(40);
                    });
                services.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>, OpenAiEmbeddingGenerator>();
                break;
            default:
                services.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(new HashingEmbeddingGenerator(embedding.Dimension));
                break;
        }
    }
}
