using Monolith.Mechanic;
using System.Net.Http.Json;
using System.Text.Json;

namespace Monolith.Tests.Core.Mechanic;

/// <summary>Change requests as an agent sends them, posted to the real admin API.</summary>
public static class ChangeRequests
{
    public static object Entity(string name, string instruction, params object[] fields) =>
        new { instruction, actor = "story-agent", entity = new { name, fields } };

    public static object Field(string name, string type, int? maxLength = null, bool required = false) =>
        maxLength is null ? new { name, type, required } : new { name, type, maxLength, required };

    public static async Task<JsonElement> ProposeAsync(HttpClient client, object request)
    {
        var response = await client.PostAsJsonAsync(new Uri("/api/admin/mechanic/changes", UriKind.Relative), request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Created, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public static Task<HttpResponseMessage> ApproveAsync(HttpClient client, JsonElement proposal) =>
        client.PostAsync(new Uri($"/api/admin/mechanic/changes/{proposal.GetProperty("id").GetString()}/approve", UriKind.Relative), null);

    public static async Task<JsonElement> ShowAsync(HttpClient client, JsonElement proposal) =>
        await client.GetFromJsonAsync<JsonElement>(new Uri($"/api/admin/mechanic/changes/{proposal.GetProperty("id").GetString()}", UriKind.Relative));
}
