using System.ComponentModel;
using System.Diagnostics;

namespace Monolith.Backup;

/// <summary>Runs a PostgreSQL client program without a shell, streams its stderr lines, and kills it when cancelled.</summary>
public static class ClientProcess
{
    private const int KeptErrorLines = 20;

    /// <param name="environment">Variables to set; a null value removes an inherited variable.</param>
    /// <returns>The exit code, what the program printed on stdout, and its last stderr lines for an error message.</returns>
    public static async Task<(int ExitCode, string Output, IReadOnlyList<string> LastErrors)> RunAsync(
        string program,
        IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string?> environment,
        IProgress<string>? progress,
        CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(program)
        {
            UseShellExecute = false,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            RedirectStandardInput = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        using var process = StartOrExplain(start);
        process.StandardInput.Close();
        var lastLines = new Queue<string>();
        var errors = Task.Run(async () =>
        {
            while (await process.StandardError.ReadLineAsync(CancellationToken.None) is { } line)
            {
                progress?.Report(line);
                lock (lastLines)
                {
                    lastLines.Enqueue(line);
                    if (lastLines.Count > KeptErrorLines)
                    {
                        lastLines.Dequeue();
                    }
                }
            }
        }, CancellationToken.None);
        var outputs = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            throw;
        }

        await errors;
        var output = await outputs;
        // A cancellation that came as the program finished still wins: the caller asked for nothing to be published.
        cancellationToken.ThrowIfCancellationRequested();
        lock (lastLines)
        {
            return (process.ExitCode, output, lastLines.ToList());
        }
    }

    private static Process StartOrExplain(ProcessStartInfo start)
    {
        try
        {
            return Process.Start(start) ?? throw new BackupException($"could not start {start.FileName}");
        }
        catch (Win32Exception e)
        {
            throw new BackupException($"could not start {start.FileName}: {e.Message}");
        }
    }
}
