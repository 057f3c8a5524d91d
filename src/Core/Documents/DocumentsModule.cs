using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using Monolith.Configuration;
using Monolith.Database;
using Monolith.Search;

namespace Monolith.Documents;

/// <summary>Documents for the bot's knowledge: files read into text, chunked to the embedding window, searched with citations. Exports <see cref="DocumentLibrary"/>.</summary>
public static class DocumentsModule
{
    public static IServiceCollection AddDocumentsModule(this IServiceCollection services, SettingReader settings)
    {
        var documents = DocumentSettings.Read(settings);
        services.AddSingleton(documents);
        services.AddSingleton<DocumentExtractor>();
        services.AddSingleton(provider => new EmbeddingTokens(provider.GetRequiredService<EmbeddingSettings>()));
        services.AddSingleton(provider => new TextChunker(provider.GetRequiredService<EmbeddingTokens>(), documents.ChunkTokens, documents.OverlapTokens));
        services.AddSingleton<DocumentLibrary>();
        services.AddScoped<IValidator<UploadDocumentRequest>, UploadDocumentValidator>();
        services.AddScoped<IValidator<ListDocumentsQuery>, ListDocumentsValidator>();
        services.AddScoped<IValidator<GetDocumentQuery>, GetDocumentValidator>();
        services.AddScoped<IValidator<SearchDocumentsRequest>, SearchDocumentsValidator>();
        return services.AddModuleDbContext<DocumentsDbContext>("documents");
    }
}
