using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Monolith.Tests.Core.Conversations;

/// <summary>Calls of the conversations routes the tests share.</summary>
public static class ConversationsApi
{
    public static async Task<JsonElement> StartAsync(HttpClient client, long userId, long chatId, string? title = null)
    {
        var response = await client.PostAsJsonAsync("/api/conversations", new { userId, chatId, title });
        return await ReadAsync(response, HttpStatusCode.Created);
    }

    public static async Task<Guid> StartIdAsync(HttpClient client, long userId, long chatId = 500) =>
        (await StartAsync(client, userId, chatId)).GetProperty("id").GetGuid();

    public static async Task<JsonElement> AppendAsync(HttpClient client, Guid conversationId, string content, string role = "user")
    {
        var response = await client.PostAsJsonAsync($"/api/conversations/{conversationId}/messages", new { role, content });
        return await ReadAsync(response, HttpStatusCode.Created);
    }

    public static async Task<JsonElement> GetAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        return await ReadAsync(response, HttpStatusCode.OK);
    }

    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public static List<JsonElement> Items(JsonElement page) => [.. page.GetProperty("items").EnumerateArray()];
}
