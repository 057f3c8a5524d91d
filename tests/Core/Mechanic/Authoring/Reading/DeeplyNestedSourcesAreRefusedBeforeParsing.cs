using Monolith.Mechanic;
using System.Text;

namespace Monolith.Tests.Core.Mechanic;

/// <summary>
/// The source screen refuses nesting Roslyn would recurse into (and overflow the stack, or lex for minutes) without
/// parsing; strings, comments and interpolation holes are followed as Roslyn follows them, so brackets hidden in
/// text cannot lower the count. These cases only run the screen: the service-level proof is HostileSourcesDoNotStopTheService.
/// </summary>
public sealed class DeeplyNestedSourcesAreRefusedBeforeParsing
{
    public static TheoryData<string, string> Hostile => new()
    {
        { "generic arguments 12,000 deep", Entity($"[References(typeof({Repeat("A<", 12_000)}A{Repeat(">", 12_000)}))] public Guid? Owner {{ get; set; }}") },
        { "tuple type 12,000 deep", Entity($"public {Repeat("(", 12_000)}int, int{Repeat(")", 12_000)} Pair {{ get; set; }}") },
        { "interpolated strings 12,000 deep", Entity($"[Default({Interpolated(12_000)})] public string? Name {{ get; set; }}") },
        { "interpolated strings 1,500 deep", Entity($"[Default({Interpolated(1_500)})] public string? Name {{ get; set; }}") },
        { "attribute lists 30,000 deep", Entity(Repeat("[", 30_000) + Repeat("]", 30_000)) },
        { "closing brackets hidden in strings", Entity("[Default(" + Repeat("(\")\" + ", 2_000) + "1" + Repeat(")", 2_000) + ")] public string? Name { get; set; }") },
        { "closing brackets hidden in comments", Entity("[Default(" + Repeat("(/*)*/", 2_000) + "1" + Repeat(")", 2_000) + ")] public string? Name { get; set; }") },
        { "closing brackets in format specifiers", Entity("[Default(" + Repeat("($\"{1:)))}\" + ", 2_000) + "1" + Repeat(")", 2_000) + ")] public string? Name { get; set; }") },
        { "verbatim interpolated strings", Entity($"[Default({Repeat("$@\"{", 2_000)}1{Repeat("}\"", 2_000)})] public string? Name {{ get; set; }}") },
        { "raw interpolated strings", Entity($"[Default({Repeat("$\"\"\"{", 2_000)}1{Repeat("}\"\"\"", 2_000)})] public string? Name {{ get; set; }}") },
        { "an escaped line break continues a string", Entity("[Default(\"x\\\n\" + " + Repeat("(", 2_000) + "\"\")] public string? Name { get; set; }") },
        { "a line separator ends a string", Entity("[Default(\"x\u2028" + Repeat("(", 2_000) + "\")] public string? Name { get; set; }") },
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public void HostileNestingIsRefusedWithoutParsing(string what, string source)
    {
        var findings = new List<SafetyFinding>();

        Assert.False(EntitySourceScreen.Check(source, findings), what);

        Assert.Equal("nesting-too-deep", Assert.Single(findings).Rule);
    }

    [Fact]
    public void BracketsInsideStringsAndCommentsDoNotCount()
    {
        var json = Repeat("[", 200) + Repeat("]", 200);
        var source = Entity($"// {Repeat("(", 500)}\n    /* {Repeat("{", 500)} */\n    [Json] [Default(\"{json}\")] public string? Shape {{ get; set; }}\n    [Default(@\"{Repeat("<", 500)}\")] public string? Arrows {{ get; set; }}\n    [Default($\"{{1}}{Repeat("(", 500)}\")] public string? Text {{ get; set; }}");
        var findings = new List<SafetyFinding>();

        Assert.True(EntitySourceScreen.Check(source, findings), string.Join("\n", findings));
    }

    [Fact]
    public void NestingUpToTheLimitIsAccepted()
    {
        var findings = new List<SafetyFinding>();
        var depth = EntitySourceScreen.MaxDepth - 4;

        Assert.True(EntitySourceScreen.Check(Entity($"[Default({Repeat("(", depth)}1{Repeat(")", depth)})] public int? Age {{ get; set; }}"), findings));
        Assert.False(EntitySourceScreen.Check(Entity($"[Default({Repeat("(", depth + 8)}1{Repeat(")", depth + 8)})] public int? Age {{ get; set; }}"), findings));
    }

    [Fact]
    public void TheScreenIsLinearInTheSourceLength()
    {
        var source = Entity(Repeat("[Default(\"((((\")] public string? Name { get; set; }\n", 1_200));
        var watch = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < 20; i++)
        {
            Assert.True(EntitySourceScreen.Check(source, []));
        }

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"20 screens of {source.Length} characters took {watch.Elapsed}");
    }

    private static string Entity(string body) => $"public class Character : DynamicEntity\n{{\n    {body}\n}}\n";

    private static string Repeat(string text, int count) => new StringBuilder(text.Length * count).Insert(0, text, count).ToString();

    private static string Interpolated(int depth) => Repeat("$\"{", depth) + "1" + Repeat("}\"", depth);
}
