using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Monolith.Configuration;
using Monolith.Database;

namespace Monolith.Search;

/// <summary>Semantic memory: search_index with pgvector embeddings.</summary>
public static class SearchModule
{
    public static IServiceCollection AddSearchModule(this IServiceCollection services, SettingReader settings)
    {
        var embedding = EmbeddingSettings.Read(settings);
        services.AddSingleton(embedding);
        return services.AddModuleDbContext<SearchDbContext>("search", order: 5, new Dictionary<string, string>
        {
            [SearchDbContext.DimensionSessionSetting] = embedding.Dimension.ToString(CultureInfo.InvariantCulture),
        });
    }
}
