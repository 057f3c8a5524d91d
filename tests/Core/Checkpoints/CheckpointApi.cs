using System.Net.Http.Json;
using System.Text.Json;

namespace Monolith.Tests.Core.Checkpoints;

/// <summary>Calls of the checkpoint routes the tests share.</summary>
internal static class CheckpointApi
{
    public static Task<HttpResponseMessage> PutAsync(HttpClient client, string thread, string id, object body) =>
        client.PutAsJsonAsync(Url(thread, id), body);

    public static async Task PutOkAsync(HttpClient client, string thread, string id, string ns = "", object? metadata = null, string? parentId = null)
    {
        var response = await PutAsync(client, thread, id, new { ns, parentId, checkpoint = new { v = id }, metadata = metadata ?? new { } });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    public static async Task<JsonElement> GetJsonAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public static Uri Url(string thread, string id) =>
        new($"/api/threads/{Uri.EscapeDataString(thread)}/checkpoints/{Uri.EscapeDataString(id)}", UriKind.Relative);

    public static List<string> Ids(JsonElement page) =>
        [.. page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("checkpointId").GetString()!)];
}
