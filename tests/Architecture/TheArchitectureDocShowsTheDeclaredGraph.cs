namespace Monolith.Tests.Architecture;

/// <summary>docs/architecture.md draws the module graph the architecture test holds the code to, not a copy kept by hand.</summary>
public sealed class TheArchitectureDocShowsTheDeclaredGraph
{
    [Fact]
    public void TheDocContainsTheDeclaredGraphAsMermaid()
    {
        var doc = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "architecture.md")).ReplaceLineEndings("\n");
        var expected = ModuleGraph.Mermaid();
        Assert.True(doc.Contains("```mermaid\n" + expected + "\n```", StringComparison.Ordinal), $"docs/architecture.md should show the declared graph:\n```mermaid\n{expected}\n```");
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Monolith.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Monolith.sln not found above the test output folder");
    }
}
