using System.Text.Json;
using Monolith.Tests.Support;

namespace Monolith.Tests.Core.Http;

/// <summary>What a client generator reads from the OpenAPI document: the key header, operation ids and the search modes.</summary>
public sealed class OpenApiDescribesKeysOperationsAndEnums(MonolithFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task TheApiKeyHeaderIsTheDeclaredSecurityScheme()
    {
        var document = await DocumentAsync();

        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiKey");
        Assert.Equal("apiKey", scheme.GetProperty("type").GetString());
        Assert.Equal("header", scheme.GetProperty("in").GetString());
        Assert.Equal("X-Api-Key", scheme.GetProperty("name").GetString());
        Assert.Contains(document.GetProperty("security").EnumerateArray(), requirement => requirement.TryGetProperty("ApiKey", out _));
    }

    [Fact]
    public async Task EveryOperationHasAUniqueOperationId()
    {
        var document = await DocumentAsync();

        var ids = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Where(o => o.Value.ValueKind == JsonValueKind.Object && o.Value.TryGetProperty("responses", out _)))
            .Select(operation => operation.Value.TryGetProperty("operationId", out var id) ? id.GetString() : null)
            .ToList();
        Assert.NotEmpty(ids);
        Assert.DoesNotContain(null, ids);
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.Contains("postApiSearch", ids);
        Assert.Contains("getApiEntitiesByTableById", ids);
    }

    [Fact]
    public async Task TheSearchModeIsOneEnumOfTheValuesTheApiAccepts()
    {
        var document = await DocumentAsync();

        var properties = document.GetProperty("components").GetProperty("schemas").GetProperty("SearchRequest").GetProperty("properties");
        Assert.False(properties.TryGetProperty("searchMode", out _), properties.ToString());
        Assert.Equal(["semantic", "fulltext", "hybrid"], properties.GetProperty("mode").GetProperty("enum").EnumerateArray().Select(v => v.GetString()));
    }

    [Fact]
    public async Task NumbersAreTypedAsNumbersOnly()
    {
        var document = await DocumentAsync();

        var userId = document.GetProperty("components").GetProperty("schemas").GetProperty("SearchRequest").GetProperty("properties").GetProperty("userId");
        var types = userId.GetProperty("type");
        var names = types.ValueKind == JsonValueKind.Array ? types.EnumerateArray().Select(t => t.GetString()).ToList() : [types.GetString()];
        Assert.Contains("integer", names);
        Assert.DoesNotContain("string", names);
        Assert.False(userId.TryGetProperty("pattern", out _), userId.ToString());
    }

    [Fact]
    public async Task AChangeRequestHasExactlyOneOfEntityAndSource()
    {
        var document = await DocumentAsync();

        var request = document.GetProperty("components").GetProperty("schemas").GetProperty("ChangeRequest");
        Assert.Equal(["actor", "instruction"], request.GetProperty("required").EnumerateArray().Select(r => r.GetString()).Order(StringComparer.Ordinal));
        Assert.Equal(
            ["entity", "source"],
            request.GetProperty("oneOf").EnumerateArray().Select(option => Assert.Single(option.GetProperty("required").EnumerateArray()).GetString()).Order(StringComparer.Ordinal));
    }

    private async Task<JsonElement> DocumentAsync() =>
        JsonDocument.Parse(await Fixture.Client().GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative))).RootElement.Clone();
}
