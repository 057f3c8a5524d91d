using Monolith.Mechanic;

namespace Monolith.Tests.Core.Mechanic;

/// <summary>Right-to-left overrides and the other bidirectional controls are refused wherever a reviewer would read them.</summary>
public sealed class BidiControlCharactersAreRefused(AuthoringDatabase db) : IClassFixture<AuthoringDatabase>
{
    public static TheoryData<string> Controls => new() { "\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069", "\u200E", "\u200F", "\u061C" };

    [Theory]
    [MemberData(nameof(Controls))]
    public async Task StructuredDefaultWithTheCharacterIsRejected(string control)
    {
        var draft = await db.DraftAsync(AuthoringDatabase.Entity(
            $$"""{"name":"Character","fields":[{"name":"Motto","type":"string","maxLength":40,"default":"\"ok{{control}}kay\""}]}"""));

        Assert.False(draft.IsSafe);
        Assert.Contains(draft.Findings, f => f.Rule == "bidi-control");
        Assert.All(draft.Findings, f => Assert.DoesNotContain(control, f.Message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task StructuredDefaultWithAnEscapedOverrideIsRejected()
    {
        var draft = await db.DraftAsync(AuthoringDatabase.Entity(
            """{"name":"Character","fields":[{"name":"Motto","type":"string","maxLength":40,"default":"\"ok\\u202Ekay\""}]}"""));

        Assert.Contains(draft.Findings, f => f.Rule == "bidi-control");
    }

    [Fact]
    public async Task ControlAnywhereInTheStructuredRequestIsRejected()
    {
        var draft = await db.DraftAsync(AuthoringDatabase.Entity(
            """{"name":"Character\u202E","fields":[{"name":"Motto","type":"string","maxLength":40}]}"""));

        Assert.Contains(draft.Findings, f => f.Rule == "bidi-control" && f.Message.Contains("entity.name", StringComparison.Ordinal));
        Assert.Empty(draft.Files);
    }

    [Theory]
    [InlineData("public class Character : DynamicEntity\n{\n    // harmless \u202E }; evil\n    public string? Name { get; set; }\n}")]
    [InlineData("public class Character : DynamicEntity\n{\n    [MaxLength(40)] [Default(\"\\\"ok\u2067kay\\\"\")] public string? Motto { get; set; }\n}")]
    public async Task SourceWithTheCharacterIsRejectedBeforeParsing(string source)
    {
        var loaded = db.Compiler.AssembliesLoaded;

        var draft = await db.DraftAsync(AuthoringDatabase.Source(source));

        Assert.Equal("bidi-control", Assert.Single(draft.Findings).Rule);
        Assert.Equal(loaded, db.Compiler.AssembliesLoaded);
    }

    [Fact]
    public async Task SourceDefaultWrittenAsAnEscapeIsRejected()
    {
        var draft = await db.DraftAsync(AuthoringDatabase.Source(
            "public class Character : DynamicEntity\n{\n    [MaxLength(40)] [Default(\"\\\"ok\\u202Ekay\\\"\")] public string? Motto { get; set; }\n}"));

        Assert.Contains(draft.Findings, f => f.Rule == "bidi-control");
    }
}
