using System.Net.Http.Json;
using System.Text.Json;

namespace Monolith.Tests.Core.Registry;

/// <summary>Calls of the registry routes the tests share.</summary>
internal static class RegistryApi
{
    public static async Task<JsonElement> CreateAsync(HttpClient client, string collection, object body)
    {
        var response = await client.PostAsJsonAsync(new Uri($"/api/{collection}", UriKind.Relative), body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Created, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static async Task<JsonElement> GetJsonAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static async Task<List<JsonElement>> AuditAsync(HttpClient admin)
    {
        var page = await GetJsonAsync(admin, "/api/admin/audit?action=registry_change&limit=200");
        return [.. page.GetProperty("items").EnumerateArray().Reverse()];
    }

    public static List<string> Names(JsonElement page) =>
        [.. page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()!)];
}
