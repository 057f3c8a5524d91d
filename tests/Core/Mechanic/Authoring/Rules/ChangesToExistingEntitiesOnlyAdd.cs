using Monolith.Mechanic;
namespace Monolith.Tests.Core.Mechanic;

/// <summary>A request for an existing entity describes its new full shape; anything but adding or widening is rejected, the rest is drafted.</summary>
public sealed class ChangesToExistingEntitiesOnlyAdd(AppliedCharacterDatabase applied) : IClassFixture<AppliedCharacterDatabase>
{
    private const string Name = """{"name":"Name","type":"string","maxLength":100,"required":true}""";
    private const string Age = """{"name":"Age","type":"int"}""";
    private const string Nickname = """{"name":"Nickname","type":"string","maxLength":40}""";
    private const string Project = """{"name":"ProjectId","type":"uuid","references":"Project"}""";

    public static TheoryData<string, string> UnsafeChanges => new()
    {
        { "field-removed", Character(Name, Age, Project) },
        { "field-removed", Character(Name, """{"name":"Years","type":"int"}""", Nickname, Project) },
        { "type-change", Character(Name, """{"name":"Age","type":"bigint"}""", Nickname, Project) },
        { "type-change", Character(Name, """{"name":"Age","type":"text"}""", Nickname, Project) },
        { "type-change", Character("""{"name":"Name","type":"string","maxLength":99,"required":true}""", Age, Nickname, Project) },
        { "type-change", Character(Name, Age, """{"name":"Nickname","type":"json"}""", Project) },
        { "required-on-existing", Character(Name, """{"name":"Age","type":"int","required":true}""", Nickname, Project) },
        { "required-without-default", Character(Name, Age, Nickname, Project, """{"name":"Level","type":"int","required":true}""") },
        { "reference-removed", Character(Name, Age, Nickname, """{"name":"ProjectId","type":"uuid"}""") },
        { "reference-removed", Character(Name, Age, Nickname, """{"name":"ProjectId","type":"uuid","references":"Character"}""") },
        { "rename-table", """{"name":"Character","table":"heroes","fields":[]}""".Replace("[]", $"[{Name},{Age},{Nickname},{Project}]", StringComparison.Ordinal) },
        { "table-taken", """{"name":"Hero","table":"characters","fields":[]}""" },
        { "no-change", Character(Name, Age, Nickname, Project) },
    };

    public static TheoryData<string, string> SafeChanges => new()
    {
        { "add_characters_level", Character(Name, Age, Nickname, Project, """{"name":"Level","type":"int","required":true,"default":1}""") },
        { "add_characters_born", Character(Name, Age, Nickname, Project, """{"name":"Born","type":"datetime","default":"2000-01-01T00:00:00Z"}""") },
        { "alter_characters", Character(Name, Age, """{"name":"Nickname","type":"text"}""", Project) },
        { "alter_characters", Character("""{"name":"Name","type":"string","maxLength":100}""", Age, Nickname, Project) },
        { "alter_characters", Character(Name, """{"name":"Age","type":"int","default":18}""", Nickname, Project) },
        { "retire_characters", """{"name":"Character","retired":true,"fields":[]}""".Replace("[]", $"[{Name},{Age},{Nickname},{Project}]", StringComparison.Ordinal) },
        { "add_characters_fields", Character(Name, Age, Nickname, Project, """{"name":"Tags","type":"json","default":"[\"a\"]"}""", """{"name":"Code","type":"string","maxLength":8,"required":true,"default":"\"x\""}""") },
    };

    [Theory]
    [MemberData(nameof(UnsafeChanges))]
    public async Task UnsafeChangeIsRejectedWithItsRule(string rule, string entity)
    {
        var draft = await applied.Db.DraftAsync(AuthoringDatabase.Entity(entity));

        Assert.False(draft.IsSafe);
        Assert.Contains(draft.Findings, f => f.Rule == rule);
        Assert.Empty(draft.Steps);
    }

    [Theory]
    [MemberData(nameof(SafeChanges))]
    public async Task SafeChangeIsDraftedAndItsSqlRuns(string slug, string entity)
    {
        var draft = await applied.Db.DraftAsync(AuthoringDatabase.Entity(entity));

        Assert.True(draft.IsSafe, string.Join("\n", draft.Findings));
        Assert.EndsWith("_" + slug, draft.MigrationId, StringComparison.Ordinal);
        Assert.NotEmpty(draft.Steps);
        await applied.Db.RunInRolledBackTransactionAsync(draft);
    }

    private static string Character(params string[] fields) => $$"""{"name":"Character","fields":[{{string.Join(",", fields)}}]}""";
}
