using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Monolith.Tests.Core.DynamicEntities;

/// <summary>Sends dynamic entity requests and reads their JSON answers.</summary>
public static class EntityJson
{
    public static Task<HttpResponseMessage> PostAsync(this HttpClient client, string table, object body) =>
        client.PostAsJsonAsync(new Uri($"/api/entities/{table}", UriKind.Relative), body);

    public static Task<HttpResponseMessage> PostRawAsync(this HttpClient client, string table, string json) =>
        client.PostAsync(new Uri($"/api/entities/{table}", UriKind.Relative), new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

    public static Task<HttpResponseMessage> PatchRawAsync(this HttpClient client, string table, Guid id, string json) =>
        client.PatchAsync(new Uri($"/api/entities/{table}/{id}", UriKind.Relative), new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

    public static async Task<JsonObject> CreateAsync(this HttpClient client, string table, object body)
    {
        var response = await client.PostAsync(table, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Created, $"expected 201, got {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    public static async Task<JsonObject> ReadObjectAsync(this HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

    public static Guid Id(this JsonObject row) => row["id"]!.GetValue<Guid>();

    public static JsonElement Errors(this JsonElement problem) => problem.GetProperty("errors");
}
