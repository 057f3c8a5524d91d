using System.Net;
using Monolith.Schema;
using Monolith.Tests.Support;

namespace Monolith.Tests.Core.DynamicEntities;

public sealed class PublishedSchemaChangesAreServedAtOnce(MonolithFixture fixture) : IntegrationTest(fixture)
{
    private static readonly EntityShape Before = new("Pet", "hot_pets", [new("Name", "name", FieldType.Text), new("Legs", "legs", FieldType.Int)]);

    private static readonly EntityShape After = Before with
    {
        Fields = [new("Name", "name", FieldType.Text), new("Legs", "legs", FieldType.Int, Deprecated: true), new("Species", "species", FieldType.String, MaxLength: 40)],
    };

    [Fact]
    public async Task NewFieldIsAcceptedAndDeprecatedFieldStaysReadableAndWritable()
    {
        var client = Fixture.Client();
        await DynamicTables.PublishAsync(Fixture.Host, Fixture.ConnectionString, Before);
        var old = await client.CreateAsync(Before.Table, new { createdBy = 1L, name = "Rex", legs = 4 });
        await (await client.PostAsync(Before.Table, new { createdBy = 1L, species = "dog" })).AssertProblemAsync(HttpStatusCode.BadRequest);

        await DynamicTables.PublishAsync(Fixture.Host, Fixture.ConnectionString, After);
        var created = await client.CreateAsync(After.Table, new { createdBy = 1L, name = "Tweety", species = "bird", legs = 2 });
        Assert.Equal("bird", created["species"]!.GetValue<string>());
        Assert.Equal(2, created["legs"]!.GetValue<int>());
        var reread = await (await client.GetAsync(new Uri($"/api/entities/hot_pets/{old.Id()}", UriKind.Relative))).ReadObjectAsync();
        Assert.Equal(4, reread["legs"]!.GetValue<int>());
        Assert.Null(reread["species"]);
    }
}
