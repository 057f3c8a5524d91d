using Monolith.Mechanic;
using Monolith.Schema;

namespace Monolith.Tests.Core.Mechanic;

/// <summary>One entity through six versions, each draft applied to a real database and checked there.</summary>
public sealed class EntityEvolvesThroughSafeMigrations : IAsyncLifetime
{
    private readonly AuthoringDatabase db = new();

    public Task InitializeAsync() => db.InitializeAsync();

    public Task DisposeAsync() => db.DisposeAsync();

    [Fact]
    public async Task EveryVersionProducesTheRightStepsAndApplies()
    {
        // v0: the entities referenced later.
        await db.ApplyAsync(AuthoringDatabase.Entity("""{"name":"Project","fields":[{"name":"Title","type":"string","maxLength":100,"required":true}]}"""));
        await db.ApplyAsync(AuthoringDatabase.Entity("""{"name":"Guild","fields":[{"name":"Motto","type":"text"}]}"""));

        // v1: create.
        var v1 = await db.ApplyAsync(AuthoringDatabase.Entity("""
            {"name":"Character","fields":[
              {"name":"Name","type":"string","maxLength":100,"required":true},
              {"name":"ProjectId","type":"uuid"},
              {"name":"Traits","type":"json","default":"[]"}],
             "searchable":["Name"]}
            """));
        Assert.Equal("characters", v1.Table);
        Assert.Matches(@"^\d{8}T\d{6}Z_create_characters$", v1.MigrationId);
        var create = Assert.Single(v1.Steps);
        Assert.True(create.InTransaction);
        Assert.StartsWith(MigrationPlanner.TransactionPrelude, create.Sql, StringComparison.Ordinal);
        Assert.Contains("CREATE TABLE characters", create.Sql, StringComparison.Ordinal);
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM characters"));
        await db.ScalarAsync<object>("INSERT INTO characters (name) VALUES ('Ada')");
        Assert.Equal("[]", await db.ScalarAsync<string>("SELECT traits::text FROM characters"));
        Assert.True(await db.ScalarAsync<bool>("SELECT NOT is_deleted AND id IS NOT NULL AND created_at <= now() FROM characters"));

        // v2: add a nullable column.
        var v2 = await db.ApplyAsync(AuthoringDatabase.Entity("""
            {"name":"Character","fields":[
              {"name":"Name","type":"string","maxLength":100,"required":true},
              {"name":"ProjectId","type":"uuid"},
              {"name":"Traits","type":"json","default":"[]"},
              {"name":"Age","type":"int"}],
             "searchable":["Name"]}
            """));
        Assert.EndsWith("_add_characters_age", v2.MigrationId, StringComparison.Ordinal);
        Assert.Contains("ALTER TABLE characters ADD age integer;", Assert.Single(v2.Steps).Sql, StringComparison.Ordinal);
        Assert.Equal("integer", await ColumnTypeAsync("age"));

        // v3: widen the varchar.
        var v3 = await db.ApplyAsync(AuthoringDatabase.Entity("""
            {"name":"Character","fields":[
              {"name":"Name","type":"string","maxLength":300,"required":true},
              {"name":"ProjectId","type":"uuid"},
              {"name":"Traits","type":"json","default":"[]"},
              {"name":"Age","type":"int"}],
             "searchable":["Name"]}
            """));
        Assert.Contains("ALTER COLUMN name TYPE character varying(300)", Assert.Single(v3.Steps).Sql, StringComparison.Ordinal);
        Assert.Equal("character varying(300)", await ColumnTypeAsync("name"));

        // v4: the existing ProjectId becomes a reference: index concurrently, then the foreign key NOT VALID, then VALIDATE.
        var v4 = await db.ApplyAsync(AuthoringDatabase.Entity("""
            {"name":"Character","fields":[
              {"name":"Name","type":"string","maxLength":300,"required":true},
              {"name":"ProjectId","type":"uuid","references":"Project"},
              {"name":"Traits","type":"json","default":"[]"},
              {"name":"Age","type":"int"}],
             "searchable":["Name"]}
            """));
        Assert.Collection(
            v4.Steps,
            session => Assert.Equal((false, MigrationPlanner.SessionPrelude), (session.InTransaction, session.Sql)),
            index =>
            {
                Assert.False(index.InTransaction);
                Assert.Equal("CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_characters_project_id ON characters (project_id);", index.Sql);
            },
            key =>
            {
                Assert.True(key.InTransaction);
                Assert.EndsWith("FOREIGN KEY (project_id) REFERENCES projects (id) ON DELETE RESTRICT NOT VALID;", key.Sql, StringComparison.Ordinal);
            },
            validate => Assert.Equal($"{MigrationPlanner.TransactionPrelude}\nALTER TABLE characters VALIDATE CONSTRAINT fk_characters_project_id;", validate.Sql));
        Assert.True(await db.ScalarAsync<bool>("SELECT indisvalid FROM pg_index WHERE indexrelid = 'ix_characters_project_id'::regclass"));
        Assert.True(await db.ScalarAsync<bool>("SELECT convalidated FROM pg_constraint WHERE conname = 'fk_characters_project_id'"));

        // v5: a new reference column to another existing entity.
        var v5 = await db.ApplyAsync(AuthoringDatabase.Entity("""
            {"name":"Character","fields":[
              {"name":"Name","type":"string","maxLength":300,"required":true},
              {"name":"ProjectId","type":"uuid","references":"Project"},
              {"name":"Traits","type":"json","default":"[]"},
              {"name":"Age","type":"int"},
              {"name":"GuildId","type":"uuid","references":"Guild"}],
             "searchable":["Name"]}
            """));
        Assert.Equal([true, false, false, true, true], v5.Steps.Select(s => s.InTransaction));
        Assert.Contains("ADD guild_id uuid", v5.Steps[0].Sql, StringComparison.Ordinal);
        Assert.Equal(1L, await db.ScalarAsync<long>("SELECT count(*) FROM pg_constraint WHERE conname = 'fk_characters_guild_id' AND convalidated"));

        // v6: deprecate a field: the column stays, only its comment changes.
        var v6 = await db.ApplyAsync(AuthoringDatabase.Entity("""
            {"name":"Character","fields":[
              {"name":"Name","type":"string","maxLength":300,"required":true},
              {"name":"ProjectId","type":"uuid","references":"Project"},
              {"name":"Traits","type":"json","default":"[]"},
              {"name":"Age","type":"int","deprecated":true},
              {"name":"GuildId","type":"uuid","references":"Guild"}],
             "searchable":["Name"]}
            """));
        Assert.Contains("COMMENT ON COLUMN characters.age IS 'deprecated';", Assert.Single(v6.Steps).Sql, StringComparison.Ordinal);
        Assert.Equal("integer", await ColumnTypeAsync("age"));
        var character = Assert.Single(v6.Entities, e => e.Name == "Character");
        Assert.Equal(
            [("Name", FieldType.String, 300, true), ("ProjectId", FieldType.Uuid, (int?)null, false), ("Traits", FieldType.Json, null, false), ("Age", FieldType.Int, null, false), ("GuildId", FieldType.Uuid, null, false)],
            character.Fields.Select(f => (f.Name, f.Type, f.MaxLength, f.Required)));
        Assert.True(character.Field("Age")!.Deprecated);
        Assert.True(character.Field("Name")!.Searchable);
        Assert.Equal("Project", character.Field("ProjectId")!.References);
        Assert.Equal(3, v6.Entities.Count);
    }

    private Task<string?> ColumnTypeAsync(string column) =>
        db.ScalarAsync<string>($"SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = 'characters'::regclass AND attname = '{column}'");
}
