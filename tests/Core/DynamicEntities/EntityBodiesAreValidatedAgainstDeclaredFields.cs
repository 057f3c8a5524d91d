using System.Net;
using Monolith.Schema;
using Monolith.Tests.Support;

namespace Monolith.Tests.Core.DynamicEntities;

public sealed class EntityBodiesAreValidatedAgainstDeclaredFields(MonolithFixture fixture) : IntegrationTest(fixture)
{
    private static readonly EntityShape Widgets = new("Widget", "val_widgets",
    [
        new("Title", "title", FieldType.String, MaxLength: 5, Required: true),
        new("Size", "size", FieldType.Int),
        new("Weight", "weight", FieldType.Decimal),
        new("Big", "big", FieldType.BigInt),
        new("Flag", "flag", FieldType.Bool),
        new("When", "when", FieldType.DateTime),
        new("Day", "day", FieldType.Date),
        new("Ref", "ref", FieldType.Uuid),
        new("Status", "status", FieldType.String, MaxLength: 20, Required: true, Default: "\"new\""),
    ]);

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await DynamicTables.PublishAsync(Fixture.Host, Fixture.ConnectionString, Widgets);
    }

    [Theory]
    [InlineData("""{"createdBy":1,"title":"ok","size":"seven"}""", "size")]
    [InlineData("""{"createdBy":1,"title":"ok","size":1.5}""", "size")]
    [InlineData("""{"createdBy":1,"title":"ok","size":3000000000}""", "size")]
    [InlineData("""{"createdBy":1,"title":"ok","big":1e40}""", "big")]
    [InlineData("""{"createdBy":1,"title":"ok","weight":"heavy"}""", "weight")]
    [InlineData("""{"createdBy":1,"title":"ok","weight":1e400}""", "weight")]
    [InlineData("""{"createdBy":1,"title":"ok","flag":"yes"}""", "flag")]
    [InlineData("""{"createdBy":1,"title":"ok","when":"yesterday"}""", "when")]
    [InlineData("""{"createdBy":1,"title":"ok","day":"2026-13-01"}""", "day")]
    [InlineData("""{"createdBy":1,"title":"ok","ref":"not-a-uuid"}""", "ref")]
    [InlineData("""{"createdBy":1,"title":123}""", "title")]
    [InlineData("""{"createdBy":1,"title":"toolong"}""", "title")]
    [InlineData("""{"createdBy":1}""", "title")]
    [InlineData("""{"createdBy":1,"title":null}""", "title")]
    [InlineData("""{"createdBy":1,"title":"ok","status":null}""", "status")]
    [InlineData("""{"title":"ok"}""", "createdBy")]
    [InlineData("""{"createdBy":"me","title":"ok"}""", "createdBy")]
    [InlineData("""{"createdBy":0,"title":"ok"}""", "createdBy")]
    [InlineData("""{"createdBy":-5,"title":"ok"}""", "createdBy")]
    [InlineData("""{"createdBy":1,"title":"ok","colour":"red"}""", "colour")]
    [InlineData("""{"createdBy":1,"title":"ok","Title":"ok"}""", "Title")]
    [InlineData("""{"createdBy":1,"title":"ok","id":"7d8a1b3c-0000-0000-0000-000000000000"}""", "id")]
    [InlineData("""{"createdBy":1,"title":"ok","isDeleted":true}""", "isDeleted")]
    [InlineData("""{"createdBy":1,"title":"ok","title":"ok"}""", "title")]
    [InlineData("""{"createdBy":1,"title":"\ud800"}""", "title")]
    public async Task InvalidCreateIs400NamingTheField(string body, string field)
    {
        var response = await Fixture.Client().PostRawAsync(Widgets.Table, body);
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(field, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("\"text\"")]
    [InlineData("null")]
    [InlineData("{\"createdBy\":1,")]
    [InlineData("")]
    public async Task BodyThatIsNotAnObjectIs400Problem(string body)
    {
        var response = await Fixture.Client().PostRawAsync(Widgets.Table, body);
        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task FiveCharactersOfAnyPlaneFitMaxLengthFive()
    {
        var created = await Fixture.Client().CreateAsync(Widgets.Table, new { createdBy = 1L, title = "😀😀😀😀😀" });
        Assert.Equal("😀😀😀😀😀", created["title"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{"title":null}""", "title")]
    [InlineData("""{"size":"big"}""", "size")]
    [InlineData("""{"createdBy":2}""", "createdBy")]
    [InlineData("""{"updatedAt":"2026-01-01T00:00:00Z"}""", "updatedAt")]
    [InlineData("""{"nope":1}""", "nope")]
    public async Task InvalidPatchIs400NamingTheFieldAndChangesNothing(string body, string field)
    {
        var client = Fixture.Client();
        var created = await client.CreateAsync(Widgets.Table, new { createdBy = 1L, title = "keep", size = 3 });
        var problem = await (await client.PatchRawAsync(Widgets.Table, created.Id(), body)).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(field, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var read = await (await client.GetAsync(new Uri($"/api/entities/val_widgets/{created.Id()}", UriKind.Relative))).ReadObjectAsync();
        Assert.Equal("keep", read["title"]!.GetValue<string>());
        Assert.Equal(3, read["size"]!.GetValue<int>());
        Assert.Equal(1L, read["createdBy"]!.GetValue<long>());
    }

    [Fact]
    public async Task EveryErrorOfABodyIsListed()
    {
        var response = await Fixture.Client().PostRawAsync(Widgets.Table, """{"size":"x","flag":1,"extra":true}""");
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        var errors = problem.Errors();
        foreach (var field in new[] { "createdBy", "title", "size", "flag", "extra" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}: {problem}");
        }
    }
}
