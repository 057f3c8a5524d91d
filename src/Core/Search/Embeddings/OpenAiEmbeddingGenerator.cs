using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.AI;

namespace Monolith.Search;

/// <summary>
/// Embeddings from any OpenAI-compatible POST {OPENAI_BASE_URL}/embeddings, in batches; retries, timeouts and the
/// circuit breaker come from the resilience handler on the named HttpClient.
/// </summary>
public sealed class OpenAiEmbeddingGenerator(IHttpClientFactory clients, EmbeddingSettings settings) : IEmbeddingGenerator<string, Embedding<float>>
{
    public const string HttpClientName = "embeddings";

    /// <summary>Most servers take up to 2,048 inputs a request; smaller batches keep each retry cheap.</summary>
    public const int BatchSize = 64;

    private readonly EmbeddingGeneratorMetadata metadata = new("openai", settings.OpenAiBaseUrl, settings.Model, settings.Dimension);

    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var inputs = values.ToList();
        var result = new GeneratedEmbeddings<Embedding<float>>(inputs.Count);
        var client = clients.CreateClient(HttpClientName);
        foreach (var batch in inputs.Chunk(BatchSize))
        {
            result.AddRange(await RequestAsync(client, batch, cancellationToken));
        }

        return result;
    }

    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType == typeof(EmbeddingGeneratorMetadata) ? metadata
            : serviceType.IsInstanceOfType(this) ? this
            : null;
    }

    public void Dispose()
    {
    }

    /// <summary>The request URL: the base URL's path plus /embeddings, as OpenAI's own clients build it.</summary>
    public static Uri EndpointOf(Uri baseUrl) => new(baseUrl.AbsoluteUri.TrimEnd('/') + "/embeddings");

    private async Task<IEnumerable<Embedding<float>>> RequestAsync(HttpClient client, string[] batch, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, EndpointOf(settings.OpenAiBaseUrl!))
        {
            Content = JsonContent.Create(new EmbeddingsRequest(settings.Model!, batch, "float")),
        };
        if (settings.OpenAiApiKey is not null)
        {
            request.Headers.Authorization = new("Bearer", settings.OpenAiApiKey);
        }

        using var response = await client.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new EmbeddingFailedException(
                $"OPENAI_BASE_URL answered {(int)response.StatusCode} to POST /embeddings: {(body.Length > 300 ? body[..300] : body)}");
        }

        EmbeddingsResponse? answer;
        try
        {
            answer = await response.Content.ReadFromJsonAsync<EmbeddingsResponse>(cancellationToken);
        }
        catch (JsonException e)
        {
            throw new EmbeddingFailedException($"OPENAI_BASE_URL answered POST /embeddings with JSON that is not an embeddings response: {e.Message}", e);
        }

        var data = answer?.Data ?? [];
        if (data.Count != batch.Length || data.Any(d => d.Embedding is null || d.Index < 0 || d.Index >= batch.Length))
        {
            throw new EmbeddingFailedException($"OPENAI_BASE_URL answered {data.Count} embeddings for {batch.Length} inputs.");
        }

        return data.OrderBy(d => d.Index).Select(d => new Embedding<float>(d.Embedding!) { ModelId = answer!.Model ?? settings.Model });
    }

    private sealed record EmbeddingsRequest(
        [property: JsonPropertyName("model")] string Model,
        [property: JsonPropertyName("input")] IReadOnlyList<string> Input,
        [property: JsonPropertyName("encoding_format")] string EncodingFormat);

    private sealed record EmbeddingsResponse(
        [property: JsonPropertyName("data")] IReadOnlyList<EmbeddingData>? Data,
        [property: JsonPropertyName("model")] string? Model);

    private sealed record EmbeddingData(
        [property: JsonPropertyName("index")] int Index,
        [property: JsonPropertyName("embedding")] float[]? Embedding);
}
