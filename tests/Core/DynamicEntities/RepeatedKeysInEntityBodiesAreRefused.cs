using System.Net;
using Monolith.Schema;
using Monolith.Tests.Support;

namespace Monolith.Tests.Core.DynamicEntities;

public sealed class RepeatedKeysInEntityBodiesAreRefused(MonolithFixture fixture) : IntegrationTest(fixture)
{
    private static readonly EntityShape Notes = new("DupNote", "dup_notes",
    [
        new("Title", "title", FieldType.String, MaxLength: 50, Required: true),
        new("Data", "data", FieldType.Json),
    ]);

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await DynamicTables.PublishAsync(Fixture.Host, Fixture.ConnectionString, Notes);
    }

    [Theory]
    [InlineData("""{"createdBy":1,"title":"a","title":"b"}""", "title")]
    [InlineData("""{"createdBy":1,"createdBy":2,"title":"a"}""", "createdBy")]
    [InlineData("""{"createdBy":1,"title":"a","data":{"role":"user","role":"admin"}}""", "role")]
    [InlineData("""{"createdBy":1,"title":"a","data":[{"x":{"y":1,"y":2}}]}""", "y")]
    [InlineData("""{"createdBy":1,"title":"a","titl\u0065":"b"}""", "title")]
    public async Task CreateWithRepeatedKeyIs400NamingItAndStoresNothing(string body, string key)
    {
        var response = await Fixture.Client().PostRawAsync(Notes.Table, body);
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(key, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(0L, await CountAsync());
    }

    [Fact]
    public async Task UpdateWithRepeatedNestedKeyIs400AndKeepsTheRow()
    {
        var row = await Fixture.Client().CreateAsync(Notes.Table, new { createdBy = 1, title = "a", data = new { role = "user" } });
        var response = await Fixture.Client().PatchRawAsync(Notes.Table, row.Id(), """{"data":{"role":"user","role":"admin"}}""");
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("role", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var stored = await Fixture.Client().GetAsync(new Uri($"/api/entities/{Notes.Table}/{row.Id()}", UriKind.Relative));
        Assert.Equal("user", (await stored.ReadObjectAsync())["data"]!["role"]!.GetValue<string>());
    }

    private async Task<long> CountAsync()
    {
        await using var connection = new Npgsql.NpgsqlConnection(Fixture.ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand($"SELECT count(*) FROM {Notes.Table}", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
