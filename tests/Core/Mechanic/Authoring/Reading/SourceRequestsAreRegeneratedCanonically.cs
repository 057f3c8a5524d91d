using Monolith.Mechanic;
using Monolith.Schema;

namespace Monolith.Tests.Core.Mechanic;

/// <summary>A C# source request is checked, read from the semantic model and re-generated: the file written is always the canonical form.</summary>
public sealed class SourceRequestsAreRegeneratedCanonically : IAsyncLifetime
{
    private const string SpecSource = """
        // an agent's comment, dropped on regeneration
        public class Character : DynamicEntity
        {
            [MaxLength(200), Required] public string Name { get; set; } = null!;
            public int? Age { get; set; }
            [Searchable] public string? Backstory { get; set; }
            [References(typeof(Project))] public Guid? ProjectId { get; set; }
            [Json, Default("[]")] public string? Traits { get; set; }
        }
        """;

    private const string SpecEntity = """
        {"name":"Character","fields":[
          {"name":"Name","type":"string","maxLength":200,"required":true},
          {"name":"Age","type":"int"},
          {"name":"Backstory","type":"text"},
          {"name":"ProjectId","type":"uuid","references":"Project"},
          {"name":"Traits","type":"json","default":"[]"}],
         "searchable":["Backstory"]}
        """;

    private readonly AuthoringDatabase db = new();

    public async Task InitializeAsync()
    {
        await db.InitializeAsync();
        await db.ApplyAsync(AuthoringDatabase.Source("public class Project : DynamicEntity\n{\n    [MaxLength(80)] public string? Title { get; set; }\n}\n"));
    }

    public Task DisposeAsync() => db.DisposeAsync();

    [Fact]
    public async Task SourceAndStructuredRequestYieldTheSameCanonicalDraft()
    {
        var fromSource = await db.DraftAsync(AuthoringDatabase.Source(SpecSource));
        var fromEntity = await db.DraftAsync(AuthoringDatabase.Entity(SpecEntity));

        Assert.True(fromSource.IsSafe, string.Join("\n", fromSource.Findings));
        var file = fromSource.Files[0];
        Assert.Equal("src/Dynamic/Schema/Character.cs", file.Path);
        Assert.Equal(
            """
            // Written by the Mechanic from a reviewed change request. Edit through the Mechanic, not by hand.
            public class Character : DynamicEntity
            {
                [MaxLength(200), Required]
                public string Name { get; set; } = null!;
                public int? Age { get; set; }

                [Searchable]
                public string? Backstory { get; set; }

                [References(typeof(Project))]
                public Guid? ProjectId { get; set; }

                [Json, Default("[]")]
                public string? Traits { get; set; }
            }

            """.ReplaceLineEndings("\n"),
            file.Content);
        Assert.Equal(file, fromEntity.Files[0]);
        Assert.Equal(Strip(fromSource), Strip(fromEntity));
    }

    [Fact]
    public async Task TheDraftCarriesFilesDiffSnapshotAndShapes()
    {
        var draft = await db.DraftAsync(AuthoringDatabase.Entity(SpecEntity));

        Assert.Equal(
            [$"src/Dynamic/Schema/Character.cs", $"src/Dynamic/Migrations/{draft.MigrationId}.sql", SchemaAuthor.SnapshotFile],
            draft.Files.Select(f => f.Path));
        Assert.StartsWith("--- /dev/null\n+++ b/src/Dynamic/Schema/Character.cs\n@@ -0,0 +1,", draft.EntityDiff, StringComparison.Ordinal);
        Assert.Equal(draft.MigrationSql, draft.Files[1].Content);
        Assert.Contains("BEGIN;\nSET LOCAL lock_timeout = '5s';", draft.MigrationSql, StringComparison.Ordinal);

        Assert.Equal(draft.Entities, DynamicModelSnapshot.Read(draft.Snapshot), new ShapeComparer());
        var character = Assert.Single(draft.Entities, e => e.Name == "Character");
        Assert.Equal(new EntityField("Traits", "traits", FieldType.Json, Default: "[]"), character.Field("Traits"));
        Assert.True(character.Field("Backstory")!.Searchable);
    }

    [Fact]
    public async Task ChangingAnAppliedEntityShowsADiffAgainstItsFile()
    {
        var draft = await db.DraftAsync(AuthoringDatabase.Source("public class Project : DynamicEntity\n{\n    [MaxLength(80)] public string? Title { get; set; }\n    public DateOnly? Due { get; set; }\n}\n"));

        Assert.True(draft.IsSafe, string.Join("\n", draft.Findings));
        Assert.Contains("+    public DateOnly? Due { get; set; }", draft.EntityDiff, StringComparison.Ordinal);
        Assert.DoesNotContain("\n-", draft.EntityDiff, StringComparison.Ordinal);
        Assert.EndsWith("_add_projects_due", draft.MigrationId, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AHandEditedAppliedFileIsRejected()
    {
        var edited = new Dictionary<string, string>(db.Applied.EntitySources)
        {
            ["Project"] = "public class Project : DynamicEntity\n{\n    static Project() { }\n}\n",
        };

        var draft = await db.Author.DraftAsync(AuthoringDatabase.Entity(SpecEntity), db.Applied with { EntitySources = edited }, CancellationToken.None);

        Assert.Contains(draft.Findings, f => f.Rule == "applied-source" && f.Message.Contains("static-constructor", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnAppliedFileWhoseClassIsNotItsEntityIsRejected()
    {
        var edited = new Dictionary<string, string>(db.Applied.EntitySources)
        {
            ["Project"] = "public class Villain : DynamicEntity\n{\n}\n",
        };

        var draft = await db.Author.DraftAsync(AuthoringDatabase.Entity(SpecEntity), db.Applied with { EntitySources = edited }, CancellationToken.None);

        Assert.Contains(draft.Findings, f => f.Rule == "applied-source" && f.Message.Contains("class-name", StringComparison.Ordinal));
    }

    /// <summary>The draft without its timestamp: everything else must be identical for identical input.</summary>
    private static string Strip(SchemaDraft draft)
    {
        // Only the draft's own id carries the draft's timestamp; the applied migration it follows keeps its own.
        return string.Join("\n", draft.Files.Select(f => f.Path + "\n" + f.Content).Append(draft.MigrationSql)).Replace(draft.MigrationId, "<this-migration>", StringComparison.Ordinal);
    }

    private sealed class ShapeComparer : IEqualityComparer<EntityShape>
    {
        public bool Equals(EntityShape? x, EntityShape? y) =>
            x is not null && y is not null && x.Name == y.Name && x.Table == y.Table && x.Retired == y.Retired && x.Fields.SequenceEqual(y.Fields);

        public int GetHashCode(EntityShape obj) => obj.Name.GetHashCode(StringComparison.Ordinal);
    }
}
