using Monolith.Mechanic;
namespace Monolith.Tests.Core.Mechanic;

/// <summary>Structured entity requests that break a naming, type, default or reference rule are rejected with that rule.</summary>
public sealed class UnsafeEntityRequestsAreRejected(AuthoringDatabase db) : IClassFixture<AuthoringDatabase>
{
    private static readonly string LongName = "A" + new string('b', 63);

    public static TheoryData<string, string> Requests => new()
    {
        { "request-format", """{"name":"Character","fields":[],"owner":"x"}""" },
        { "request-format", """{"name":"Character","fields":[{"name":"Age","type":"int","maxLen":3}]}""" },
        { "request-format", """{"name":"Character"}""" },
        { "request-format", """{"name":42,"fields":[]}""" },
        { "request-format", """{"name":"Character","fields":[{"name":"Age","type":"int","required":"yes"}]}""" },
        { "request-format", """["Character"]""" },
        { "field-type", """{"name":"Character","fields":[{"name":"Age","type":"integer"}]}""" },
        { "entity-name", """{"name":"character","fields":[]}""" },
        { "entity-name", """{"name":"Char_acter","fields":[]}""" },
        { "entity-name", """{"name":"Guid","fields":[]}""" },
        { "entity-name", """{"name":"DynamicEntity","fields":[]}""" },
        { "identifier-too-long", $$"""{"name":"{{LongName}}","fields":[]}""" },
        { "identifier", """{"name":"Character","table":"Characters","fields":[]}""" },
        { "identifier", """{"name":"Character","table":"characters; DROP TABLE agents","fields":[]}""" },
        { "identifier", """{"name":"Character","table":"\"quoted\"","fields":[]}""" },
        { "reserved-word", """{"name":"Character","table":"select","fields":[]}""" },
        { "reserved-word", """{"name":"Character","fields":[{"name":"Order","type":"int"}]}""" },
        { "core-table", """{"name":"Character","table":"conversations","fields":[]}""" },
        { "core-table", """{"name":"Character","table":"__ef_migrations_history","fields":[]}""" },
        { "core-table", """{"name":"Character","table":"pg_roles","fields":[]}""" },
        { "core-table", """{"name":"Character","table":"mechanic_proposals","fields":[]}""" },
        { "core-table", """{"name":"Message","fields":[]}""" },
        { "core-table", """{"name":"Agent","fields":[]}""" },
        { "identifier-too-long", $$"""{"name":"Character","fields":[{"name":"{{LongName}}","type":"int"}]}""" },
        { "identifier-too-long", """{"name":"Character","table":"characters_with_a_really_long_table_name_close_to_the_limit","fields":[{"name":"OwnerId","type":"uuid","references":"Character"}]}""" },
        { "field-name", """{"name":"Character","fields":[{"name":"age","type":"int"}]}""" },
        { "field-name", """{"name":"Character","fields":[{"name":"Age Group","type":"int"}]}""" },
        { "base-field", """{"name":"Character","fields":[{"name":"CreatedAt","type":"datetime"}]}""" },
        { "base-field", """{"name":"Character","fields":[{"name":"Id","type":"uuid"}]}""" },
        { "duplicate-field", """{"name":"Character","fields":[{"name":"Age","type":"int"},{"name":"AGE","type":"int"}]}""" },
        { "max-length", """{"name":"Character","fields":[{"name":"Name","type":"string"}]}""" },
        { "max-length", """{"name":"Character","fields":[{"name":"Name","type":"string","maxLength":0}]}""" },
        { "max-length", """{"name":"Character","fields":[{"name":"Name","type":"string","maxLength":10485761}]}""" },
        { "max-length", """{"name":"Character","fields":[{"name":"Age","type":"int","maxLength":3}]}""" },
        { "default-value", """{"name":"Character","fields":[{"name":"Age","type":"int","default":"now()"}]}""" },
        { "default-value", """{"name":"Character","fields":[{"name":"Age","type":"int","default":2147483648}]}""" },
        { "default-value", """{"name":"Character","fields":[{"name":"Born","type":"datetime","default":"now()"}]}""" },
        { "default-value", """{"name":"Character","fields":[{"name":"Key","type":"uuid","default":"gen_random_uuid()"}]}""" },
        { "default-value", """{"name":"Character","fields":[{"name":"Day","type":"date","default":"2026-13-01"}]}""" },
        { "default-value", """{"name":"Character","fields":[{"name":"On","type":"bool","default":"true"}]}""" },
        { "default-value", """{"name":"Character","fields":[{"name":"Name","type":"string","maxLength":3,"default":"toolong"}]}""" },
        { "default-value", """{"name":"Character","fields":[{"name":"Name","type":"text","default":"a\u0000b"}]}""" },
        { "default-value", """{"name":"Character","fields":[{"name":"Traits","type":"json","default":"[1,"}]}""" },
        { "default-value", """{"name":"Character","fields":[{"name":"Rate","type":"decimal","default":"1.5"}]}""" },
        { "reference-type", """{"name":"Character","fields":[{"name":"OwnerId","type":"bigint","references":"Character"}]}""" },
        { "reference-target", """{"name":"Character","fields":[{"name":"OwnerId","type":"uuid","references":"Nobody"}]}""" },
        { "reference-target", """{"name":"Character","fields":[{"name":"ConversationId","type":"uuid","references":"Conversation"}]}""" },
        { "searchable-field", """{"name":"Character","fields":[{"name":"Age","type":"int"}],"searchable":["Name"]}""" },
        { "searchable-field", """{"name":"Character","fields":[{"name":"Age","type":"int"}],"searchable":["Age"]}""" },
        { "searchable-table-name", """{"name":"Character","table":"characters_of_the_long_running_story_told_by_many_agents","fields":[{"name":"Bio","type":"text"}],"searchable":["Bio"]}""" },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task RequestIsRejectedWithItsRule(string rule, string entity)
    {
        var loaded = db.Compiler.AssembliesLoaded;

        var draft = await db.DraftAsync(AuthoringDatabase.Entity(entity));

        Assert.False(draft.IsSafe);
        Assert.Contains(draft.Findings, f => f.Rule == rule);
        Assert.Empty(draft.Files);
        Assert.Equal(loaded, db.Compiler.AssembliesLoaded);
    }

    [Fact]
    public async Task ARequestWithBothEntityAndSourceIsRejected()
    {
        var request = AuthoringDatabase.Entity("""{"name":"Character","fields":[]}""") with { Source = "public class Character : DynamicEntity { }" };

        var draft = await db.DraftAsync(request);

        Assert.Equal("request-format", Assert.Single(draft.Findings).Rule);
    }

    [Fact]
    public async Task ARequestWithNeitherIsRejected()
    {
        var draft = await db.DraftAsync(new("test", "mechanic", null, null));

        Assert.Equal("request-format", Assert.Single(draft.Findings).Rule);
    }
}
