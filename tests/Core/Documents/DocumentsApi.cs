using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Monolith.Tests.Core.Documents;

/// <summary>Calls the documents routes the way a client does.</summary>
public static class DocumentsApi
{
    public static async Task<HttpResponseMessage> UploadAsync(HttpClient client, long userId, string fileName, byte[] content, string? contentType = null, string? metadata = null)
    {
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(userId.ToString(System.Globalization.CultureInfo.InvariantCulture)), "userId");
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType ?? "application/octet-stream");
        form.Add(file, "file", fileName);
        if (metadata is not null)
        {
            form.Add(new StringContent(metadata), "metadata");
        }

        return await client.PostAsync("/api/documents", form);
    }

    /// <summary>Uploads and expects 201; returns the document.</summary>
    public static async Task<JsonElement> AddAsync(HttpClient client, long userId, string fileName, byte[] content, string? contentType = null)
    {
        using var response = await UploadAsync(client, userId, fileName, content, contentType);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"upload answered {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public static Task<HttpResponseMessage> AddTextAsync(HttpClient client, long userId, string fileName, string text, object? metadata = null) =>
        client.PostAsJsonAsync("/api/documents", new { userId, fileName, text, metadata });

    public static async Task<List<JsonElement>> ChunksAsync(HttpClient client, Guid id, long userId)
    {
        var chunks = await client.GetFromJsonAsync<JsonElement>($"/api/documents/{id}/chunks?userId={userId}");
        return [.. chunks.EnumerateArray().Select(c => c.Clone())];
    }

    public static async Task<List<JsonElement>> SearchAsync(HttpClient client, long userId, string query, string mode = "hybrid", int limit = 5)
    {
        using var response = await client.PostAsJsonAsync("/api/documents/search", new { userId, query, mode, limit });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"search answered {(int)response.StatusCode}: {body}");
        return [.. JsonDocument.Parse(body).RootElement.EnumerateArray().Select(e => e.Clone())];
    }

    public static Guid IdOf(JsonElement document) => document.GetProperty("id").GetGuid();
}
