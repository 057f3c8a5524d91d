using System.Diagnostics;
using System.Text.Json;

namespace Monolith.Mechanic;

/// <summary>Runs squawk (tools/squawk, with the rule set in tools/squawk/squawk.toml) on a migration's SQL and turns its output into findings.</summary>
public sealed class SquawkLinter(string? executable, string? configuration)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public bool IsAvailable => executable is not null && File.Exists(executable);

    /// <summary>Finds tools/squawk in <paramref name="repositoryRoot"/> or, when null, above the application's directory.</summary>
    public static SquawkLinter Locate(string? repositoryRoot = null)
    {
        for (var directory = repositoryRoot ?? AppContext.BaseDirectory; directory is not null; directory = Path.GetDirectoryName(directory))
        {
            var tool = Path.Combine(directory, "tools", "squawk");
            var binary = Path.Combine(tool, "node_modules", ".bin", "squawk");
            if (File.Exists(binary))
            {
                return new SquawkLinter(binary, Path.Combine(tool, "squawk.toml"));
            }

            if (repositoryRoot is not null)
            {
                break;
            }
        }

        return new SquawkLinter(null, null);
    }

    public async Task<IReadOnlyList<SafetyFinding>> LintAsync(string sql, CancellationToken cancellationToken)
    {
        if (!IsAvailable)
        {
            return [new SafetyFinding("squawk-unavailable", SafetyFinding.Warning, "squawk is not installed (run npm install in tools/squawk); the migration was not linted")];
        }

        var file = Path.Combine(Path.GetTempPath(), $"monolith-migration-{Guid.NewGuid():N}.sql");
        await File.WriteAllTextAsync(file, sql, cancellationToken);
        try
        {
            var start = new ProcessStartInfo(executable!)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in new[] { "--reporter", "json", "--config", configuration!, file })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start) ?? throw new InvalidOperationException("squawk did not start");
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(Timeout);
            var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var errors = process.StandardError.ReadToEndAsync(timeout.Token);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }

            return Parse(await output, await errors, process.ExitCode);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static List<SafetyFinding> Parse(string output, string errors, int exitCode)
    {
        if (string.IsNullOrWhiteSpace(output))
        {
            return exitCode == 0 ? [] : [new SafetyFinding("squawk", SafetyFinding.Error, $"squawk failed (exit {exitCode}): {errors.Trim()}")];
        }

        using var document = JsonDocument.Parse(output);
        var findings = new List<SafetyFinding>();
        foreach (var issue in document.RootElement.EnumerateArray())
        {
            var rule = issue.GetProperty("rule_name").GetString();
            var message = issue.GetProperty("message").GetString();
            var help = issue.TryGetProperty("help", out var h) && h.ValueKind == JsonValueKind.String ? $" ({h.GetString()})" : "";
            var line = issue.GetProperty("line").GetInt32() + 1;
            findings.Add(new SafetyFinding($"squawk:{rule}", SafetyFinding.Error, $"{message}{help} at line {line} of the migration SQL"));
        }

        return findings;
    }
}
