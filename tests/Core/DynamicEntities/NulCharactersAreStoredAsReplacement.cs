using System.Net;
using Monolith.Schema;
using Monolith.Tests.Support;

namespace Monolith.Tests.Core.DynamicEntities;

public sealed class NulCharactersAreStoredAsReplacement(MonolithFixture fixture) : IntegrationTest(fixture)
{
    private static readonly EntityShape Scraps = new("Scrap", "nul_scraps",
    [
        new("Label", "label", FieldType.String, MaxLength: 10),
        new("Body", "body", FieldType.Text, Searchable: true),
        new("Data", "data", FieldType.Json),
    ]);

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await DynamicTables.PublishAsync(Fixture.Host, Fixture.ConnectionString, Scraps);
    }

    [Fact]
    public async Task NulInTextAndJsonBecomesUFFFD()
    {
        var response = await Fixture.Client().PostRawAsync(Scraps.Table,
            """{"createdBy":1,"label":"a\u0000b","body":"x\u0000y","data":{"k\u0000":"v\u0000"}}""");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var row = await response.ReadObjectAsync();
        Assert.Equal("a\uFFFDb", row["label"]!.GetValue<string>());
        Assert.Equal("x\uFFFDy", row["body"]!.GetValue<string>());
        Assert.Equal("v\uFFFD", row["data"]!["k\uFFFD"]!.GetValue<string>());
    }

    [Fact]
    public async Task UnpairedSurrogateInJsonIs400NotA500()
    {
        var response = await Fixture.Client().PostRawAsync(Scraps.Table, """{"createdBy":1,"data":{"k":"\ud800"}}""");
        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task NulInAFieldNameIs400()
    {
        var response = await Fixture.Client().PostRawAsync(Scraps.Table, """{"createdBy":1,"la\u0000bel":"x"}""");
        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }
}
