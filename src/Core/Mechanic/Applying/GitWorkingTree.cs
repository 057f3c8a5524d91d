using System.Text;
using LibGit2Sharp;

namespace Monolith.Mechanic;

/// <summary>
/// The Mechanic's git working tree (MECHANIC_REPO_PATH): writes proposal files, and commits exactly a proposal's files
/// on MECHANIC_BRANCH by building the commit's tree from the branch tip plus those files, whatever else is staged or edited.
/// </summary>
public sealed class GitWorkingTree(MechanicSettings settings)
{
    public const string MigrationTrailer = "Monolith-Migration";
    private const string PushRemoteName = "mechanic";
    private const int TrailerSearchDepth = 500;

    public string RepositoryPath => settings.RepositoryPath;

    /// <summary>MECHANIC_BRANCH, or the checked-out branch.</summary>
    public string Branch
    {
        get
        {
            if (settings.Branch is not null)
            {
                return settings.Branch;
            }

            using var repository = new Repository(settings.RepositoryPath);
            return repository.Head.FriendlyName;
        }
    }

    public void Write(IEnumerable<DraftFile> files)
    {
        foreach (var file in files)
        {
            var path = FullPath(file.Path);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, file.Content, new UTF8Encoding(false));
        }
    }

    /// <summary>Puts the files back as the branch has them: the committed version, or no file when it has none.</summary>
    public void Restore(IEnumerable<string> paths)
    {
        using var repository = new Repository(settings.RepositoryPath);
        var tip = repository.Branches[Branch]?.Tip;
        foreach (var relative in paths)
        {
            var path = FullPath(relative);
            if (tip?[relative]?.Target is Blob blob)
            {
                File.WriteAllText(path, blob.GetContentText(), new UTF8Encoding(false));
            }
            else if (File.Exists(path))
            {
                File.Delete(path);
            }
        }
    }

    /// <summary>The paths of the files directly in <paramref name="folder"/> as the branch has committed them.</summary>
    public IReadOnlySet<string> CommittedFiles(string folder)
    {
        using var repository = new Repository(settings.RepositoryPath);
        return repository.Branches[Branch]?.Tip?[folder]?.Target is Tree tree
            ? tree.Where(e => e.TargetType == TreeEntryTargetType.Blob).Select(e => e.Path.Replace('\\', '/')).ToHashSet(StringComparer.Ordinal)
            : new HashSet<string>(StringComparer.Ordinal);
    }

    /// <summary>
    /// The commit on the branch that made the migration (by this or an interrupted run): its trailer block (the message's
    /// final paragraph, git-trailer style) carries the migration's trailer and its tree holds the migration's manifest.
    /// A trailer-like line anywhere else in a message (an instruction quoting one) is not the Mechanic's.
    /// </summary>
    public string? FindCommit(string migrationId, string manifestPath)
    {
        using var repository = new Repository(settings.RepositoryPath);
        var branch = repository.Branches[Branch];
        if (branch?.Tip is null)
        {
            return null;
        }

        var trailer = $"{MigrationTrailer}: {migrationId}";
        return repository.Commits.QueryBy(new CommitFilter { IncludeReachableFrom = branch })
            .Take(TrailerSearchDepth)
            .FirstOrDefault(c => TrailerBlock(c.Message).Contains(trailer, StringComparer.Ordinal) && c[manifestPath]?.TargetType == TreeEntryTargetType.Blob)?.Sha;
    }

    /// <summary>The lines of the message's final paragraph when every one of them is a <c>Token: value</c> trailer; otherwise none.</summary>
    public static IReadOnlyList<string> TrailerBlock(string message)
    {
        var paragraphs = message.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Split("\n\n");
        var lines = paragraphs[^1].Split('\n');
        return paragraphs.Length > 1 && lines.All(IsTrailerLine) ? lines : [];
    }

    private static bool IsTrailerLine(string line)
    {
        var colon = line.IndexOf(": ", StringComparison.Ordinal);
        return colon > 0 && line[..colon].All(c => char.IsAsciiLetterOrDigit(c) || c == '-');
    }

    /// <summary>
    /// Commits exactly <paramref name="files"/> on the branch, once: a commit that already made the migration is returned instead.
    /// <paramref name="trailers"/> become the message's trailer block, after the migration's own trailer is added.
    /// </summary>
    public string Commit(IReadOnlyList<DraftFile> files, string migrationId, string manifestPath, string message, IReadOnlyList<(string Token, string Value)> trailers)
    {
        if (FindCommit(migrationId, manifestPath) is { } existing)
        {
            return existing;
        }

        using var repository = new Repository(settings.RepositoryPath);
        var branchName = Branch;
        var branch = repository.Branches[branchName];
        var parent = branch?.Tip;
        var tree = parent is null ? new TreeDefinition() : TreeDefinition.From(parent.Tree);
        var blobs = new List<(string Path, Blob Blob)>();
        foreach (var file in files)
        {
            using var content = new MemoryStream(new UTF8Encoding(false).GetBytes(file.Content));
            var blob = repository.ObjectDatabase.CreateBlob(content);
            tree.Add(file.Path, blob, Mode.NonExecutableFile);
            blobs.Add((file.Path, blob));
        }

        var signature = new Signature(settings.AuthorName, settings.AuthorEmail, DateTimeOffset.Now);
        var commit = repository.ObjectDatabase.CreateCommit(
            signature, signature, FullMessage(message, trailers, migrationId), repository.ObjectDatabase.CreateTree(tree),
            parent is null ? [] : [parent], prettifyMessage: false);
        var canonical = "refs/heads/" + branchName;
        if (repository.Refs[canonical] is { } reference)
        {
            repository.Refs.UpdateTarget(reference, commit.Id, $"mechanic: {migrationId}");
        }
        else
        {
            repository.Refs.Add(canonical, commit.Id, $"mechanic: {migrationId}");
        }

        // On the checked-out branch the index must agree with the new commit for these paths, or git status would show them reverted.
        if (repository.Head.CanonicalName == canonical)
        {
            foreach (var (path, blob) in blobs)
            {
                repository.Index.Add(blob, path, Mode.NonExecutableFile);
            }

            repository.Index.Write();
        }

        return commit.Sha;
    }

    /// <summary>The message, then the trailer block: each value on one line (control characters become spaces), the migration's trailer last.</summary>
    private static string FullMessage(string message, IReadOnlyList<(string Token, string Value)> trailers, string migrationId)
    {
        var block = trailers.Append((MigrationTrailer, migrationId))
            .Select(t => $"{t.Item1}: {new string([.. t.Item2.Select(c => char.IsControl(c) ? ' ' : c)]).Trim()}");
        return $"{message.TrimEnd()}\n\n{string.Join('\n', block)}\n";
    }

    /// <summary>Pushes the branch to MECHANIC_REMOTE (a remote name, a URL or a path). Returns the error, or null.</summary>
    public string? Push()
    {
        if (settings.Remote is null)
        {
            return null;
        }

        try
        {
            using var repository = new Repository(settings.RepositoryPath);
            // A value with a slash or colon is a URL or path (remote names cannot hold them; looking one up as a name throws).
            var isLocation = settings.Remote.IndexOfAny(['/', ':', '\\']) >= 0;
            var remote = (isLocation ? null : repository.Network.Remotes[settings.Remote]) ?? RemoteForUrl(repository, settings.Remote);
            var canonical = "refs/heads/" + Branch;
            string? rejected = null;
            repository.Network.Push(remote, $"{canonical}:{canonical}", new PushOptions
            {
                OnPushStatusError = error => rejected = $"{error.Reference}: {error.Message}",
            });
            return rejected;
        }
        catch (LibGit2SharpException e)
        {
            return e.Message;
        }
    }

    private static Remote RemoteForUrl(Repository repository, string url)
    {
        var existing = repository.Network.Remotes[PushRemoteName];
        if (existing is not null && existing.Url != url)
        {
            repository.Network.Remotes.Update(PushRemoteName, r => r.Url = url);
        }
        else if (existing is null)
        {
            repository.Network.Remotes.Add(PushRemoteName, url);
        }

        return repository.Network.Remotes[PushRemoteName];
    }

    private string FullPath(string relative)
    {
        var path = Path.GetFullPath(Path.Combine(settings.RepositoryPath, relative));
        var root = Path.GetFullPath(settings.RepositoryPath) + Path.DirectorySeparatorChar;
        // Draft paths are generated, but a path outside the working tree must never be written, whatever produced it.
        if (!path.StartsWith(root, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The path {relative} is outside the Mechanic's working tree.");
        }

        return path;
    }
}
