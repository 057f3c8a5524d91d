using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Monolith.Mechanic;

namespace Monolith.Bench;

/// <summary>
/// mechanic-apply: time from a change request to applied + committed (draft, dry run, backup, DDL, git commit, audit),
/// for "create an entity with 10 fields" and "add a nullable column", cold (first in the process) and warm.
/// </summary>
public sealed class MechanicApplyScenario : IBenchmarkScenario
{
    private static readonly string[] Stages = ["drafted", "backed_up", "applied", "committed", "audited"];

    public string Name => "mechanic-apply";

    public string Description => "change request → applied + committed: create a 10-field entity / add a nullable column, cold and warm, with each step's share";

    public async Task RunAsync(BenchmarkContext context, CancellationToken cancellationToken)
    {
        var warmRuns = context.Quick ? 3 : 10;
        var root = Path.Combine(Path.GetTempPath(), "monolith-bench-mechanic-" + Guid.NewGuid().ToString("N")[..8]);
        var repository = await ScratchRepository.CreateAsync(root, cancellationToken);

        try
        {
            await using var database = await ScratchDatabase.CreateAsync(context.ServerUrl, "monolith_bench_mechanic", cancellationToken);
            var settings = BenchHost.Settings(database.ConnectionString);
            settings["MECHANIC_REPO_PATH"] = repository;
            settings["BACKUP_DIR"] = Path.Combine(root, "backups");
            // Not started: the pipeline is called directly, with no background service competing for the two cores.
            await using var app = await BenchHost.InMemoryAsync(settings, cancellationToken);
            var create = new List<Timing>();
            var add = new List<Timing>();
            for (var i = 0; i <= warmRuns; i++)
            {
                create.Add(await TimeAsync(app.Services, CreateRequest($"Entity{i}"), cancellationToken));
            }

            for (var i = 0; i <= warmRuns; i++)
            {
                add.Add(await TimeAsync(app.Services, AddColumnRequest("Entity0", i), cancellationToken));
            }

            await context.Report.WriteLineAsync("| change | run | total ms | draft + dry run | backup | DDL + history | git commit | audit |");
            await context.Report.WriteLineAsync("|---|---|---:|---:|---:|---:|---:|---:|");
            await WriteRowAsync(context.Report, "create entity, 10 fields", "cold (first in process)", [create[0]]);
            await WriteRowAsync(context.Report, "create entity, 10 fields", $"warm, median of {warmRuns}", create[1..]);
            await WriteRowAsync(context.Report, "add nullable column", "first of its kind", [add[0]]);
            await WriteRowAsync(context.Report, "add nullable column", $"warm, median of {warmRuns}", add[1..]);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static async Task<Timing> TimeAsync(IServiceProvider services, ChangeRequest request, CancellationToken cancellationToken)
    {
        var started = DateTime.UtcNow;
        var clock = Stopwatch.StartNew();
        await using var scope = services.CreateAsyncScope();
        var pipeline = scope.ServiceProvider.GetRequiredService<MechanicPipeline>();
        var proposal = await pipeline.ProposeAsync(request, MechanicCaller.Operator, cancellationToken);
        if (proposal.Status != ProposalStatus.PendingReview)
        {
            throw new InvalidOperationException($"bench change was {proposal.Status}: {proposal.Findings} {proposal.DryRunError}");
        }

        var applied = await pipeline.ApproveAsync(proposal.Id, MechanicCaller.Operator, cancellationToken);
        var total = clock.Elapsed.TotalMilliseconds;
        if (applied.Status != ProposalStatus.Applied)
        {
            throw new InvalidOperationException($"bench change was {applied.Status}: {applied.Error}");
        }

        var journal = JsonSerializer.Deserialize<List<JournalEntry>>(applied.Progress, MechanicJson.Options)!;
        var at = Stages.Select(stage => journal.Last(e => e.Stage == stage).At).ToList();
        var approvedAt = journal.Last(e => e.Stage == "approved").At;
        return new Timing(total, [
            (at[0] - started).TotalMilliseconds,
            (at[1] - approvedAt).TotalMilliseconds,
            (at[2] - at[1]).TotalMilliseconds,
            (at[3] - at[2]).TotalMilliseconds,
            (at[4] - at[3]).TotalMilliseconds,
        ]);
    }

    private static async Task WriteRowAsync(TextWriter report, string change, string run, IReadOnlyList<Timing> timings)
    {
        var total = Median(timings.Select(t => t.TotalMs));
        var parts = Enumerable.Range(0, 5).Select(i => Median(timings.Select(t => t.StepMs[i]))).ToList();
        var cells = parts.Select(p => $"{LatencyRecorder.Ms(p)} ({p / total * 100:0}%)");
        await report.WriteLineAsync($"| {change} | {run} | {LatencyRecorder.Ms(total)} | {string.Join(" | ", cells)} |");
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static ChangeRequest CreateRequest(string name)
    {
        var fields = Enumerable.Range(1, 10).Select(i => i % 2 == 0
            ? new Dictionary<string, object> { ["name"] = $"Field{i}", ["type"] = "string", ["maxLength"] = 200 }
            : new Dictionary<string, object> { ["name"] = $"Field{i}", ["type"] = i % 3 == 0 ? "int" : "text" });
        return new ChangeRequest($"bench: create {name}", "bench", JsonSerializer.SerializeToElement(new { name, fields }), null);
    }

    /// <summary>Entity0 as created, plus <paramref name="extra"/> + 1 nullable columns: each request adds one.</summary>
    private static ChangeRequest AddColumnRequest(string name, int extra)
    {
        var fields = Enumerable.Range(1, 10).Select(i => i % 2 == 0
                ? new Dictionary<string, object> { ["name"] = $"Field{i}", ["type"] = "string", ["maxLength"] = 200 }
                : new Dictionary<string, object> { ["name"] = $"Field{i}", ["type"] = i % 3 == 0 ? "int" : "text" })
            .Concat(Enumerable.Range(0, extra + 1).Select(i => new Dictionary<string, object> { ["name"] = $"Extra{i}", ["type"] = "int" }));
        return new ChangeRequest($"bench: add Extra{extra} to {name}", "bench", JsonSerializer.SerializeToElement(new { name, fields }), null);
    }

    private sealed record Timing(double TotalMs, IReadOnlyList<double> StepMs);
}
