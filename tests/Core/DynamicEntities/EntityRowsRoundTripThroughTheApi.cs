using System.Net;
using System.Text.Json.Nodes;
using Monolith.Schema;
using Monolith.Tests.Support;

namespace Monolith.Tests.Core.DynamicEntities;

public sealed class EntityRowsRoundTripThroughTheApi(MonolithFixture fixture) : IntegrationTest(fixture)
{
    private static readonly EntityShape Gadgets = new("Gadget", "rt_gadgets",
    [
        new("Name", "name", FieldType.String, MaxLength: 50, Required: true),
        new("Notes", "notes", FieldType.Text),
        new("Count", "count", FieldType.Int),
        new("Serial", "serial", FieldType.BigInt),
        new("Price", "price", FieldType.Decimal),
        new("Active", "active", FieldType.Bool),
        new("SeenAt", "seen_at", FieldType.DateTime),
        new("BornOn", "born_on", FieldType.Date),
        new("Token", "token", FieldType.Uuid),
        new("Traits", "traits", FieldType.Json, Default: "[]"),
    ]);

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await DynamicTables.PublishAsync(Fixture.Host, Fixture.ConnectionString, Gadgets);
    }

    [Fact]
    public async Task CreatedRowComesBackWithEveryTypeAndTheBaseFields()
    {
        var token = Guid.NewGuid();
        var client = Fixture.Client();
        var response = await client.PostAsync(Gadgets.Table, new
        {
            createdBy = 42L,
            name = "Sprocket",
            notes = "long text",
            count = 7,
            serial = 9_000_000_000L,
            price = 12.5m,
            active = true,
            seenAt = "2026-05-01T12:30:00+02:00",
            bornOn = "2020-02-29",
            token,
            traits = new { colour = "red", size = 2 },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.ReadObjectAsync();
        Assert.Equal($"/api/entities/rt_gadgets/{created.Id()}", response.Headers.Location?.ToString());

        var read = await (await client.GetAsync(new Uri($"/api/entities/rt_gadgets/{created.Id()}", UriKind.Relative))).ReadObjectAsync();
        Assert.Equal(42L, read["createdBy"]!.GetValue<long>());
        Assert.Equal("Sprocket", read["name"]!.GetValue<string>());
        Assert.Equal("long text", read["notes"]!.GetValue<string>());
        Assert.Equal(7, read["count"]!.GetValue<int>());
        Assert.Equal(9_000_000_000L, read["serial"]!.GetValue<long>());
        Assert.Equal(12.5m, read["price"]!.GetValue<decimal>());
        Assert.True(read["active"]!.GetValue<bool>());
        Assert.Equal(new DateTime(2026, 5, 1, 10, 30, 0, DateTimeKind.Utc), read["seenAt"]!.GetValue<DateTime>().ToUniversalTime());
        Assert.Equal("2020-02-29", read["bornOn"]!.GetValue<string>());
        Assert.Equal(token, read["token"]!.GetValue<Guid>());
        Assert.Equal("red", read["traits"]!["colour"]!.GetValue<string>());
        Assert.NotNull(read["createdAt"]);
        Assert.NotNull(read["updatedAt"]);
        Assert.False(read.ContainsKey("isDeleted"));
    }

    [Fact]
    public async Task OmittedFieldsTakeTheirDefaultsAndNulls()
    {
        var created = await Fixture.Client().CreateAsync(Gadgets.Table, new { createdBy = 1L, name = "Bare" });
        Assert.Equal("[]", created["traits"]!.ToJsonString());
        Assert.Null(created["count"]);
    }

    [Fact]
    public async Task PatchChangesOnlyTheSentFieldsAndStampsUpdatedAt()
    {
        var client = Fixture.Client();
        var created = await client.CreateAsync(Gadgets.Table, new { createdBy = 1L, name = "Before", count = 3 });
        var response = await client.PatchRawAsync(Gadgets.Table, created.Id(), """{"name":"After","notes":null}""");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var patched = await response.ReadObjectAsync();
        Assert.Equal("After", patched["name"]!.GetValue<string>());
        Assert.Equal(3, patched["count"]!.GetValue<int>());
        Assert.Null(patched["notes"]);
        Assert.True(patched["updatedAt"]!.GetValue<DateTime>() > created["updatedAt"]!.GetValue<DateTime>());
        Assert.Equal(created["createdAt"]!.GetValue<DateTime>(), patched["createdAt"]!.GetValue<DateTime>());
    }

    [Fact]
    public async Task DeleteHidesTheRowEverywhereButKeepsItStored()
    {
        var client = Fixture.Client();
        var created = await client.CreateAsync(Gadgets.Table, new { createdBy = 5L, name = "Doomed" });
        var uri = new Uri($"/api/entities/rt_gadgets/{created.Id()}", UriKind.Relative);

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync(uri)).StatusCode);
        await (await client.GetAsync(uri)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await client.DeleteAsync(uri)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await client.PatchRawAsync(Gadgets.Table, created.Id(), """{"name":"Zombie"}""")).AssertProblemAsync(HttpStatusCode.NotFound);
        var list = JsonNode.Parse(await client.GetStringAsync(new Uri("/api/entities/rt_gadgets?createdBy=5", UriKind.Relative)))!;
        Assert.Empty(list["items"]!.AsArray());

        await using var connection = new Npgsql.NpgsqlConnection(Fixture.ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("SELECT is_deleted FROM rt_gadgets WHERE id = $1", connection);
        command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = created.Id() });
        Assert.Equal(true, await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task NonUuidIdIs400Problem()
    {
        var response = await Fixture.Client().GetAsync(new Uri("/api/entities/rt_gadgets/not-a-uuid", UriKind.Relative));
        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task EntityRoutesNeedTheServiceKey()
    {
        var response = await Fixture.Client(apiKey: null).GetAsync(new Uri("/api/entities/rt_gadgets", UriKind.Relative));
        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }
}
