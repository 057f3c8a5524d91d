using Monolith.Configuration;

namespace Monolith.Registry;

/// <summary>
/// Where agent config files may live (AGENT_CONFIG_DIR) and how they are read. A config path is taken relative to the
/// directory, its symbolic links are resolved, and it must stay inside; the file must be a non-empty regular file of at
/// most <see cref="MaxBytes"/>, read within <see cref="ReadTimeout"/>. A FIFO (which blocks its reader) or a device
/// such as /dev/zero (which never ends) is refused before it is opened.
/// </summary>
public sealed class AgentConfigDirectory
{
    public const string Variable = "AGENT_CONFIG_DIR";

    public const int MaxBytes = 64 * 1024;

    public static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(2);

    private const int MaxLinks = 40;

    public AgentConfigDirectory(string root) => Root = root;

    /// <summary>The directory with its own symbolic links resolved.</summary>
    public string Root { get; }

    /// <summary>AGENT_CONFIG_DIR, by default the working directory; it must be an existing directory.</summary>
    public static AgentConfigDirectory Read(SettingReader settings)
    {
        var configured = settings.Text(Variable) ?? Directory.GetCurrentDirectory();
        var full = Path.GetFullPath(configured);
        string root;
        try
        {
            root = Resolve(full);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ConfigurationException($"{Variable} must be an existing directory, got '{configured}' ({e.Message})");
        }

        return Directory.Exists(root)
            ? new AgentConfigDirectory(root)
            : throw new ConfigurationException($"{Variable} must be an existing directory (agent config files live there), got '{configured}'");
    }

    /// <summary>Why <paramref name="configPath"/> cannot be used, or null. A path whose file does not exist yet is allowed.</summary>
    public string? Refusal(string configPath) => Check(configPath, requireFile: false, out _);

    /// <summary>The file's text; throws <see cref="AgentConfigRefusedException"/> with the reason when it cannot be used.</summary>
    public async Task<string> ReadTextAsync(string configPath, CancellationToken cancellationToken)
    {
        var refusal = Check(configPath, requireFile: true, out var real);
        if (refusal is not null)
        {
            throw new AgentConfigRefusedException(refusal);
        }

        // File reads are synchronous underneath; the timeout bounds what a worker waits even if the file was swapped
        // for something slow between the check and the open.
        var read = Task.Run(() => ReadCapped(real), CancellationToken.None);
        try
        {
            return await read.WaitAsync(ReadTimeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            throw new AgentConfigRefusedException($"reading it took longer than {ReadTimeout.TotalSeconds:0} s");
        }
    }

    private string? Check(string configPath, bool requireFile, out string real)
    {
        real = string.Empty;
        if (string.IsNullOrWhiteSpace(configPath) || configPath.Contains('\0', StringComparison.Ordinal))
        {
            return "the path is empty";
        }

        try
        {
            real = Resolve(Path.IsPathRooted(configPath) ? configPath : Path.Join(Root, configPath));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return e.Message;
        }

        if (!IsInside(real))
        {
            return $"it is outside {Variable} ({Root}) once relative parts and symbolic links are resolved";
        }

        if (Directory.Exists(real))
        {
            return "it is a directory";
        }

        var file = new FileInfo(real);
        if (!file.Exists)
        {
            return requireFile ? "the file does not exist" : null;
        }

        // Only a regular file has a size: FIFOs, sockets and devices (/dev/zero, /dev/random) report 0, and an empty
        // file is no config either.
        if (file.Length == 0)
        {
            return "it is not a regular file with content (a FIFO, device or socket, or an empty file)";
        }

        return file.Length > MaxBytes ? $"it is larger than {MaxBytes} bytes" : null;
    }

    private bool IsInside(string path) =>
        path.StartsWith(Root.EndsWith('/') ? Root : Root + "/", StringComparison.Ordinal) && path.Length > Root.Length;

    private static string ReadCapped(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 1, FileOptions.None);
        var buffer = new byte[MaxBytes + 1];
        var total = 0;
        int read;
        while (total < buffer.Length && (read = stream.Read(buffer, total, buffer.Length - total)) > 0)
        {
            total += read;
        }

        return total > MaxBytes
            ? throw new AgentConfigRefusedException($"it is larger than {MaxBytes} bytes")
            : new System.Text.UTF8Encoding(false, true).GetString(buffer, 0, total);
    }

    /// <summary>
    /// The path as the kernel would follow it: every symbolic link replaced by its target and ".." applied after the
    /// link before it is resolved. The part that does not exist yet is kept as written.
    /// </summary>
    private static string Resolve(string path)
    {
        var pending = new Stack<string>(path.Split('/', StringSplitOptions.RemoveEmptyEntries).Reverse());
        var current = "/";
        var links = 0;
        while (pending.TryPop(out var part))
        {
            if (part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                current = Path.GetDirectoryName(current) ?? "/";
                continue;
            }

            var next = Path.Join(current, part);
            var target = new FileInfo(next).LinkTarget;
            if (target is null)
            {
                current = next;
                continue;
            }

            if (++links > MaxLinks)
            {
                throw new IOException("it has too many levels of symbolic links");
            }

            foreach (var segment in target.Split('/', StringSplitOptions.RemoveEmptyEntries).Reverse())
            {
                pending.Push(segment);
            }

            if (target.StartsWith('/'))
            {
                current = "/";
            }
        }

        return current;
    }
}
