using System.Text.Json;
using Monolith.Tests.Support;

namespace Monolith.Tests.Core.Http;

/// <summary>
/// The OpenAPI document is generated from the handlers' signatures: each sampled route lists every problem status it can
/// answer, as problem+json. A handler whose Results&lt;...&gt; loses a problem type fails here.
/// </summary>
public sealed class OpenApiListsEveryProblemARouteAnswers(MonolithFixture fixture) : IntegrationTest(fixture)
{
    public static TheoryData<string, string, int[]> Routes => new()
    {
        { "/api/conversations/{id}", "get", [400, 401, 404] },
        { "/api/conversations/{id}/close", "post", [400, 401, 404] },
        { "/api/conversations/{id}/messages", "post", [400, 401, 404, 409] },
        { "/api/conversations/{id}/messages", "get", [400, 401, 404] },
        { "/api/entities/{table}", "get", [400, 401, 404, 410] },
        { "/api/entities/{table}", "post", [400, 401, 404, 410] },
        { "/api/entities/{table}/{id}", "get", [400, 401, 404, 410] },
        { "/api/entities/{table}/{id}", "patch", [400, 401, 404, 410] },
        { "/api/entities/{table}/{id}", "delete", [400, 401, 404, 410] },
        { "/api/agents", "post", [400, 401, 409] },
        { "/api/agents/{name}", "get", [401, 404] },
        { "/api/agents/{name}", "put", [400, 401, 404] },
        { "/api/agents/{name}", "delete", [401, 404] },
        { "/api/tools", "post", [400, 401, 409] },
        { "/api/tools/{name}", "put", [400, 401, 404] },
        { "/api/tools/{name}/usage", "post", [400, 401, 404] },
        { "/api/tools/{name}/usage", "get", [400, 401, 404] },
        { "/api/search/documents", "put", [400, 401, 409] },
        { "/api/search/documents/{entityType}/{entityId}", "delete", [401, 404] },
        { "/api/search", "post", [400, 401, 503] },
        { "/api/admin/audit", "get", [400, 401, 403] },
        { "/health/ready", "get", [503] },
        { "/telegram/webhook", "post", [400, 401, 403, 404, 503] },
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task RouteListsEveryProblemItAnswers(string path, string method, int[] statuses)
    {
        var responses = (await OperationAsync(path, method)).GetProperty("responses");
        foreach (var status in statuses)
        {
            Assert.True(
                responses.TryGetProperty(status.ToString(System.Globalization.CultureInfo.InvariantCulture), out var response),
                $"{method.ToUpperInvariant()} {path} does not list {status}; it lists {string.Join(", ", responses.EnumerateObject().Select(r => r.Name))}");
            Assert.True(
                response.TryGetProperty("content", out var content) && content.TryGetProperty("application/problem+json", out _),
                $"{method.ToUpperInvariant()} {path} lists {status} without a problem+json body: {response}");
        }
    }

    private async Task<JsonElement> OperationAsync(string path, string method)
    {
        var body = await Fixture.Client().GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        var paths = JsonDocument.Parse(body).RootElement.GetProperty("paths");
        Assert.True(paths.TryGetProperty(path, out var item), $"the document has no path {path}; it has {string.Join(", ", paths.EnumerateObject().Select(p => p.Name))}");
        Assert.True(item.TryGetProperty(method, out var operation), $"{path} has no {method} operation");
        return operation.Clone();
    }
}
