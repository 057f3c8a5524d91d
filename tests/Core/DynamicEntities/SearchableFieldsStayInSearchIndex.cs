using Monolith.Schema;
using Monolith.Tests.Support;
using Npgsql;

namespace Monolith.Tests.Core.DynamicEntities;

public sealed class SearchableFieldsStayInSearchIndex(MonolithFixture fixture) : IntegrationTest(fixture)
{
    private static readonly EntityShape Characters = new("SearchCharacter", "search_characters",
    [
        new("Name", "name", FieldType.String, MaxLength: 100, Searchable: true),
        new("Backstory", "backstory", FieldType.Text, Searchable: true),
        new("Age", "age", FieldType.Int),
    ]);

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await DynamicTables.PublishAsync(Fixture.Host, Fixture.ConnectionString, Characters);
    }

    [Fact]
    public async Task CreateWritesTheSearchableFieldsForTheOwner()
    {
        var row = await Fixture.Client().CreateAsync(Characters.Table, new { createdBy = 77L, name = "Ada", backstory = "Counts engines", age = 36 });
        var indexed = await ReadIndexAsync(row.Id());
        Assert.Equal(("Ada\nCounts engines", 77L), indexed);
    }

    [Fact]
    public async Task PatchOfASearchableFieldRewritesTheContent()
    {
        var client = Fixture.Client();
        var row = await client.CreateAsync(Characters.Table, new { createdBy = 1L, name = "Ada" });
        await client.PatchRawAsync(Characters.Table, row.Id(), """{"backstory":"Wrote the first program"}""");
        Assert.Equal(("Ada\nWrote the first program", 1L), await ReadIndexAsync(row.Id()));
    }

    [Fact]
    public async Task ClearingEverySearchableFieldRemovesTheSearchRow()
    {
        var client = Fixture.Client();
        var row = await client.CreateAsync(Characters.Table, new { createdBy = 1L, name = "Ada" });
        await client.PatchRawAsync(Characters.Table, row.Id(), """{"name":null}""");
        Assert.Null(await ReadIndexAsync(row.Id()));
    }

    [Fact]
    public async Task SoftDeleteRemovesTheSearchRow()
    {
        var client = Fixture.Client();
        var row = await client.CreateAsync(Characters.Table, new { createdBy = 1L, name = "Ada" });
        await client.DeleteAsync(new Uri($"/api/entities/search_characters/{row.Id()}", UriKind.Relative));
        Assert.Null(await ReadIndexAsync(row.Id()));
    }

    [Fact]
    public async Task RejectedWriteLeavesNoSearchRow()
    {
        var client = Fixture.Client();
        await client.PostRawAsync(Characters.Table, """{"createdBy":1,"name":"Ghost","age":"old"}""");
        await using var connection = new NpgsqlConnection(Fixture.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM search_index", connection);
        Assert.Equal(0L, await command.ExecuteScalarAsync());
    }

    private async Task<(string Content, long UserId)?> ReadIndexAsync(Guid id)
    {
        await using var connection = new NpgsqlConnection(Fixture.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT content, user_id FROM search_index WHERE entity_type = 'search_characters' AND entity_id = $1", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? (reader.GetString(0), reader.GetInt64(1)) : null;
    }
}
