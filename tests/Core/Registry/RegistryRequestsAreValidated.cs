using System.Net;
using System.Text;
using Monolith.Tests.Support;

namespace Monolith.Tests.Core.Registry;

public sealed class RegistryRequestsAreValidated(MonolithFixture fixture) : IntegrationTest(fixture)
{
    public static TheoryData<string, string> BadAgents => new()
    {
        { """{"configPath":"a.yaml"}""", "name" },
        { """{"name":"","configPath":"a.yaml"}""", "name" },
        { """{"name":"-leading","configPath":"a.yaml"}""", "name" },
        { """{"name":"has space","configPath":"a.yaml"}""", "name" },
        { """{"name":"a\u0000b","configPath":"a.yaml"}""", "name" },
        { "{\"name\":\"" + new string('a', 101) + "\",\"configPath\":\"a.yaml\"}", "name" },
        { """{"name":"ok"}""", "configPath" },
        { """{"name":"ok","configPath":"a\u0000.yaml"}""", "configPath" },
        { """{"name":"ok","configPath":"line\nbreak"}""", "configPath" },
        { """{"name":"ok","configPath":"a.yaml","description":"bad\u0000"}""", "description" },
        { "{\"name\":\"ok\",\"configPath\":\"a.yaml\",\"description\":\"" + new string('d', 10_001) + "\"}", "description" },
    };

    [Theory]
    [MemberData(nameof(BadAgents))]
    public async Task BadAgentIs400NamingTheField(string body, string field)
    {
        var response = await Fixture.Client().PostAsync(new Uri("/api/agents", UriKind.Relative), Json(body));
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    public static TheoryData<string, string> BadTools => new()
    {
        { """{"name":"t"}""", "modulePath" },
        { """{"name":"t","modulePath":"a.py","schema":[]}""", "schema" },
        { """{"name":"t","modulePath":"a.py","schema":"object"}""", "schema" },
        { """{"name":"t","modulePath":"a.py","schema":{"type":"thing"}}""", "schema" },
        { """{"name":"t","modulePath":"a.py","schema":{"type":5}}""", "schema" },
        { """{"name":"t","modulePath":"a.py","schema":{"type":[]}}""", "schema" },
        { """{"name":"t","modulePath":"a.py","schema":{"properties":[]}}""", "schema" },
        { """{"name":"t","modulePath":"a.py","schema":{"properties":{"q":3}}}""", "schema" },
        { """{"name":"t","modulePath":"a.py","schema":{"required":"q"}}""", "schema" },
        { """{"name":"t","modulePath":"a.py","agent":"a\u0001"}""", "agent" },
        { """{"name":"t","modulePath":"a.py","agent":"no such"}""", "agent" },
    };

    [Theory]
    [MemberData(nameof(BadTools))]
    public async Task BadToolIs400NamingTheField(string body, string field)
    {
        var response = await Fixture.Client().PostAsync(new Uri("/api/tools", UriKind.Relative), Json(body));
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Theory]
    [InlineData("/api/agents", """{"name":5,"configPath":"a"}""")]
    [InlineData("/api/agents", """{"name":"a","configPath":"a","isActive":"maybe"}""")]
    [InlineData("/api/agents", """{"name":"a","configPath":"\ud800"}""")]
    [InlineData("/api/agents", "not json")]
    [InlineData("/api/agents", "null")]
    [InlineData("/api/tools", """{"name":"t","modulePath":"a.py","schema":{"description":"\ud800"}}""")]
    [InlineData("/api/tools", "[]")]
    public async Task UnreadableBodyIs400Problem(string url, string body)
    {
        var response = await Fixture.Client().PostAsync(new Uri(url, UriKind.Relative), Json(body));
        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task NulInsideToolSchemaIsStoredNotRejected()
    {
        var response = await Fixture.Client().PostAsync(new Uri("/api/tools", UriKind.Relative), Json("""{"name":"t","modulePath":"a.py","schema":{"description":"a\u0000b"}}"""));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task BadUpdateIs400NamingTheField()
    {
        var response = await Fixture.Client().PutAsync(new Uri("/api/agents/whoever", UriKind.Relative), Json("""{"description":"x"}"""));
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("configPath", out _), problem.ToString());
        var tool = await Fixture.Client().PutAsync(new Uri("/api/tools/whatever", UriKind.Relative), Json("""{"modulePath":"a.py","schema":{"type":"nope"}}"""));
        var toolProblem = await tool.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(toolProblem.GetProperty("errors").TryGetProperty("schema", out _), toolProblem.ToString());
    }

    [Theory]
    [InlineData("/api/agents?limit=0")]
    [InlineData("/api/agents?limit=201")]
    [InlineData("/api/agents?active=perhaps")]
    [InlineData("/api/tools?cursor=%%%")]
    [InlineData("/api/tools?cursor=eyJub3QiOiJhIGN1cnNvciJ9")]
    [InlineData("/api/agents?cursor=eyJOYW1lIjoiYVx1MDAwMGIifQ")]
    [InlineData("/api/agents?cursor=eyJOYW1lIjoiXHVkODAwIn0")]
    [InlineData("/api/tools?cursor=eyJOYW1lIjoiaGFzIHNwYWNlIn0")]
    public async Task BadListQueryIs400Problem(string url)
    {
        var response = await Fixture.Client().GetAsync(new Uri(url, UriKind.Relative));
        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("/api/agents/%ED%A0%80")]
    [InlineData("/api/agents/a%01b")]
    [InlineData("/api/tools/%F0%9F%98%80")]
    public async Task OddNamesInTheAddressAre404NotErrors(string url)
    {
        var response = await Fixture.Client().GetAsync(new Uri(url, UriKind.Relative));
        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
