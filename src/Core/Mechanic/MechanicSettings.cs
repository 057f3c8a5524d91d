using System.Text.RegularExpressions;
using LibGit2Sharp;
using Monolith.Configuration;

namespace Monolith.Mechanic;

/// <summary>The Mechanic's settings: the git working tree, branch, remote, auto-apply and commit author (BACKUP_DIR belongs to the Backup module).</summary>
public sealed partial record MechanicSettings(
    string RepositoryPath, string? Branch, string? Remote, bool AutoApply, string AuthorName, string AuthorEmail)
{
    public const string DynamicFolder = "src/Dynamic";

    public static MechanicSettings Read(SettingReader settings)
    {
        var repository = settings.Text("MECHANIC_REPO_PATH") is { } configured
            ? Path.GetFullPath(configured)
            : FindRepositoryRoot(Directory.GetCurrentDirectory())
                ?? throw new ConfigurationException($"MECHANIC_REPO_PATH is not set and no parent of {Directory.GetCurrentDirectory()} holds {DynamicFolder}");
        if (!Directory.Exists(repository))
        {
            throw new ConfigurationException($"MECHANIC_REPO_PATH must be an existing folder, got '{repository}'");
        }

        if (!Repository.IsValid(repository))
        {
            throw new ConfigurationException($"MECHANIC_REPO_PATH must be a git working tree, got '{repository}'");
        }

        var branch = settings.Text("MECHANIC_BRANCH");
        if (branch is not null && !Reference.IsValidName("refs/heads/" + branch))
        {
            throw new ConfigurationException($"MECHANIC_BRANCH must be a valid branch name, got '{branch}'");
        }

        var author = settings.Text("MECHANIC_GIT_AUTHOR") ?? "Monolith Mechanic <mechanic@localhost>";
        var match = AuthorPattern().Match(author);
        if (!match.Success)
        {
            throw new ConfigurationException($"MECHANIC_GIT_AUTHOR must look like 'Name <email>', got '{author}'");
        }

        return new MechanicSettings(
            repository,
            branch,
            settings.Text("MECHANIC_REMOTE"),
            settings.Flag("MECHANIC_AUTO_APPLY", false),
            match.Groups["name"].Value.Trim(),
            match.Groups["email"].Value.Trim());
    }

    /// <summary>The nearest folder at or above <paramref name="start"/> that holds src/Dynamic.</summary>
    public static string? FindRepositoryRoot(string start)
    {
        for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
        {
            if (Directory.Exists(Path.Combine(folder.FullName, DynamicFolder)))
            {
                return folder.FullName;
            }
        }

        return null;
    }

    [GeneratedRegex(@"^(?<name>[^<>]+)<(?<email>[^<>\s]+)>$")]
    private static partial Regex AuthorPattern();
}
