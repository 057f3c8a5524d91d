using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Monolith.Tests.Core.Search;

/// <summary>Calls the search routes the way a client does.</summary>
public static class SearchApi
{
    public static Task<HttpResponseMessage> PutAsync(HttpClient client, string entityType, Guid entityId, long userId, string content, object? metadata = null) =>
        client.PutAsJsonAsync("/api/search/documents", new { entityType, entityId, userId, content, metadata });

    public static async Task<HttpStatusCode> IndexAsync(HttpClient client, string entityType, Guid entityId, long userId, string content, object? metadata = null)
    {
        using var response = await PutAsync(client, entityType, entityId, userId, content, metadata);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"PUT failed with {(int)response.StatusCode}: {body}");
        return response.StatusCode;
    }

    public static async Task<List<JsonElement>> SearchAsync(
        HttpClient client, long userId, string query, string mode = "semantic", int limit = 10, string[]? entityTypes = null, double? minScore = null)
    {
        using var response = await client.PostAsJsonAsync("/api/search", new { userId, query, limit, mode, entityTypes, minScore });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"search failed with {(int)response.StatusCode}: {body}");
        return [.. JsonDocument.Parse(body).RootElement.EnumerateArray().Select(e => e.Clone())];
    }

    public static Guid IdOf(JsonElement hit) => hit.GetProperty("entityId").GetGuid();

    public static string ContentOf(JsonElement hit) => hit.GetProperty("content").GetString()!;

    public static double ScoreOf(JsonElement hit) => hit.GetProperty("score").GetDouble();
}
