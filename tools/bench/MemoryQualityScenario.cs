using Monolith.Search;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Monolith.Configuration;
using Monolith.Database;
using Monolith.Host;

namespace Monolith.Bench;

/// <summary>
/// memory-quality: top-3 recall of the <see cref="MemoryQuestions"/> set per language, question kind, mode and
/// provider, query latency (with the query's embedding), and the default model's load time, memory and throughput.
/// </summary>
public sealed class MemoryQualityScenario : IBenchmarkScenario
{
    private const long User = 7;
    private const int Top = 3;

    /// <summary>The embedding worker's batch.</summary>
    private const int WorkerBatch = 32;

    private static readonly string[] Providers = ["hashing", "onnx"];
    private static readonly (string Name, SearchMode Mode)[] Modes = [("semantic", SearchMode.Semantic), ("fulltext", SearchMode.FullText), ("hybrid", SearchMode.Hybrid)];
    private static readonly string[] Languages = ["en", "ru", "uk"];

    public string Name => "memory-quality";

    public string Description =>
        $"{MemoryQuestions.Facts.Count} facts (en, ru, uk) among {MemoryQuestions.ChitChat.Count} chit-chat messages of one user; "
        + $"{MemoryQuestions.Facts.Count * 2} questions (a paraphrase and a word-form question per fact) through DocumentSearch, top {Top}; "
        + "providers hashing and onnx (the default all-MiniLM-L6-v2).";

    public async Task RunAsync(BenchmarkContext context, CancellationToken cancellationToken)
    {
        var report = context.Report;
        var recall = new Dictionary<(string Provider, string Mode, string Language, string Kind), int>();
        var latency = new Dictionary<(string Provider, string Mode), LatencyRecorder>();
        var misses = new List<string>();
        foreach (var provider in Providers)
        {
            await using var scratch = await ScratchDatabase.CreateAsync(context.ServerUrl, "bench_memory", cancellationToken);
            var before = RssMegabytes();
            var load = Stopwatch.StartNew();
            await using var services = BuildServices(scratch.ConnectionString, provider);
            services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();
            load.Stop();
            if (provider == "onnx")
            {
                await ReportModelAsync(report, services, load.Elapsed, RssMegabytes() - before, cancellationToken);
            }

            await services.GetRequiredService<CoreMigrator>().MigrateAsync(cancellationToken);
            var ids = await IndexAsync(services.GetRequiredService<SearchIndexer>(), cancellationToken);
            var search = services.GetRequiredService<DocumentSearch>();
            foreach (var (modeName, mode) in Modes)
            {
                var recorder = latency[(provider, modeName)] = new LatencyRecorder();
                await search.SearchAsync(User, "warm up", Top, null, mode, cancellationToken);
                for (var i = 0; i < MemoryQuestions.Facts.Count; i++)
                {
                    var fact = MemoryQuestions.Facts[i];
                    foreach (var (kind, question) in new[] { ("paraphrase", fact.Paraphrase), ("word form", fact.WordForm) })
                    {
                        var hits = await recorder.TimeAsync(() => search.SearchAsync(User, question, Top, null, mode, cancellationToken));
                        var found = hits.Any(h => h.EntityId == ids[i]);
                        var key = (provider, modeName, fact.Language, kind);
                        recall[key] = recall.GetValueOrDefault(key) + (found ? 1 : 0);
                        if (!found && modeName == "hybrid" && provider == "onnx")
                        {
                            misses.Add($"{fact.Language} {kind}: \"{question}\" → {string.Join(" | ", hits.Select(h => h.Content))}");
                        }
                    }
                }
            }
        }

        await ReportRecallAsync(report, recall);
        await report.WriteLineAsync();
        await report.WriteLineAsync("| provider | mode | p50 ms | p95 ms |");
        await report.WriteLineAsync("|---|---|---|---|");
        foreach (var ((provider, mode), recorder) in latency)
        {
            await report.WriteLineAsync($"| {provider} | {mode} | {LatencyRecorder.Ms(recorder.Percentile(50))} | {LatencyRecorder.Ms(recorder.Percentile(95))} |");
        }

        if (Environment.GetEnvironmentVariable("BENCH_MISSES") == "1")
        {
            await report.WriteLineAsync();
            foreach (var miss in misses)
            {
                await report.WriteLineAsync($"- {miss}");
            }
        }
    }

    private static async Task ReportModelAsync(TextWriter report, ServiceProvider services, TimeSpan load, double rss, CancellationToken cancellationToken)
    {
        var embedder = services.GetRequiredService<SearchEmbedder>();
        var texts = MemoryQuestions.Facts.SelectMany(f => new[] { f.Text, f.Paraphrase, f.WordForm }).Concat(MemoryQuestions.ChitChat).ToList();
        texts = [.. texts, .. texts];
        await embedder.EmbedPassagesAsync(texts.Take(WorkerBatch).ToList(), cancellationToken);
        var watch = Stopwatch.StartNew();
        foreach (var batch in texts.Chunk(WorkerBatch))
        {
            await embedder.EmbedPassagesAsync(batch, cancellationToken);
        }

        watch.Stop();
        var single = new LatencyRecorder();
        foreach (var text in texts.Take(100))
        {
            await single.TimeAsync(() => embedder.EmbedQueryAsync(text, cancellationToken));
        }

        await report.WriteLineAsync("| default model (all-MiniLM-L6-v2, ONNX Runtime, 2 shared cores) | figure |");
        await report.WriteLineAsync("|---|---|");
        await report.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"| load (SHA-256 check of both files + session) | {load.TotalMilliseconds:0} ms |"));
        await report.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"| resident memory added by loading it (RSS) | {rss:0} MB |"));
        await report.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"| throughput, batches of {WorkerBatch} short messages (the worker's batch) | {texts.Count / watch.Elapsed.TotalSeconds:0} embeddings/s |"));
        await report.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"| one query embedding p50 / p95 | {LatencyRecorder.Ms(single.Percentile(50))} / {LatencyRecorder.Ms(single.Percentile(95))} ms |"));
        await report.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"| process RSS after the run | {RssMegabytes():0} MB |"));
        await report.WriteLineAsync();
    }

    private static async Task ReportRecallAsync(TextWriter report, Dictionary<(string Provider, string Mode, string Language, string Kind), int> recall)
    {
        var perCell = MemoryQuestions.Facts.Count / Languages.Length;
        await report.WriteLineAsync($"Top-{Top} recall, {perCell} questions per cell:");
        await report.WriteLineAsync();
        await report.WriteLineAsync("| provider | mode | en paraphrase | ru paraphrase | uk paraphrase | en word form | ru word form | uk word form | all |");
        await report.WriteLineAsync("|---|---|---|---|---|---|---|---|---|");
        foreach (var provider in Providers)
        {
            foreach (var (mode, _) in Modes)
            {
                var cells = new List<string>();
                var total = 0;
                foreach (var kind in new[] { "paraphrase", "word form" })
                {
                    foreach (var language in Languages)
                    {
                        var found = recall.GetValueOrDefault((provider, mode, language, kind));
                        total += found;
                        cells.Add(string.Create(CultureInfo.InvariantCulture, $"{found}/{perCell} ({100.0 * found / perCell:0}%)"));
                    }
                }

                var all = perCell * Languages.Length * 2;
                await report.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"| {provider} | {mode} | {string.Join(" | ", cells)} | {total}/{all} ({100.0 * total / all:0}%) |"));
            }
        }
    }

    private static async Task<List<Guid>> IndexAsync(SearchIndexer indexer, CancellationToken cancellationToken)
    {
        var ids = MemoryQuestions.Facts.Select(_ => Guid.NewGuid()).ToList();
        var documents = MemoryQuestions.Facts.Select((f, i) => new IndexedDocument("message", ids[i], User, f.Text, null))
            .Concat(MemoryQuestions.ChitChat.Select(c => new IndexedDocument("message", Guid.NewGuid(), User, c, null)))
            .OrderBy(d => d.EntityId)
            .ToList();
        foreach (var batch in documents.Chunk(WorkerBatch))
        {
            var outcomes = await indexer.IndexAsync(batch, cancellationToken);
            if (outcomes.Any(o => !o.Embedded))
            {
                throw new InvalidOperationException("memory-quality: a document was not embedded");
            }
        }

        return ids;
    }

    private static double RssMegabytes()
    {
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        return process.WorkingSet64 / (1024.0 * 1024.0);
    }

    private static ServiceProvider BuildServices(string database, string provider)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["DATABASE_URL"] = database,
            ["DB_POOL_MAX"] = "4",
            ["EMBEDDING_PROVIDER"] = provider,
        }).Build();
        return new ServiceCollection().AddLogging(l => l.ClearProviders()).AddMonolithModules(new SettingReader(configuration)).BuildServiceProvider();
    }
}
