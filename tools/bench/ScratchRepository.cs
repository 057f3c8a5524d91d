using LibGit2Sharp;

namespace Monolith.Bench;

/// <summary>A git repository in a temp folder holding an empty src/Dynamic, for the Mechanic to write and commit in.</summary>
public static class ScratchRepository
{
    /// <returns>The repository's path: <paramref name="root"/>/repo.</returns>
    public static async Task<string> CreateAsync(string root, CancellationToken cancellationToken)
    {
        var repository = Path.Combine(root, "repo");
        Directory.CreateDirectory(Path.Combine(repository, "src", "Dynamic", "Schema"));
        await File.WriteAllTextAsync(Path.Combine(repository, "src", "Dynamic", "Schema", ".gitkeep"), "", cancellationToken);
        Repository.Init(repository);
        using var repo = new Repository(repository);
        Commands.Stage(repo, "*");
        var signature = new Signature("Bench", "bench@localhost", DateTimeOffset.Now);
        repo.Commit("initial", signature, signature);
        return repository;
    }
}
