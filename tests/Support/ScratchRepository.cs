using LibGit2Sharp;

namespace Monolith.Tests.Support;

/// <summary>
/// An empty git repository of the test run's own, holding only src/Dynamic: the Mechanic of a test host reads and
/// writes here, never in the clone the tests were built from, whatever the Mechanic committed there.
/// </summary>
public static class ScratchRepository
{
    private static readonly string RunFolder = CreateRunFolder();

    /// <summary>The root under which this test run's scratch repositories live (removed when the run ends).</summary>
    public static string Root => RunFolder;

    /// <summary>A new repository with an empty src/Dynamic and one initial commit; returns its path.</summary>
    public static string Create()
    {
        var repository = Path.Combine(RunFolder, Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Path.Combine(repository, "src", "Dynamic", "Schema"));
        File.WriteAllText(Path.Combine(repository, "src", "Dynamic", "Schema", ".gitkeep"), "");
        Repository.Init(repository);
        using var repo = new Repository(repository);
        Commands.Stage(repo, "*");
        var signature = new Signature("Test", "test@localhost", DateTimeOffset.Now);
        repo.Commit("initial", signature, signature);
        return repository;
    }

    private static string CreateRunFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"monolith-test-repos-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}");
        Directory.CreateDirectory(folder);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Remove(folder);
        return folder;
    }

    private static void Remove(string folder)
    {
        try
        {
            foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
            {
                File.SetAttributes(file, FileAttributes.Normal);
            }

            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open at exit stays behind in the temp folder; nothing else depends on it.
        }
        catch (UnauthorizedAccessException)
        {
            // As above.
        }
    }
}
