using Monolith.Bench;

// Each scenario prints markdown for docs/benchmarks.md. Usage: tools/bench/run [--quick] [scenario ...]
IBenchmarkScenario[] scenarios =
[
    new MessageAppendBenchmark(),
    new LatestCheckpointBenchmark(),
    new RetentionCleanupBenchmark(),
    new VectorSearchScenario(),
    new MechanicApplyScenario(),
    new MechanicScaleScenario(),
    new LiveSchemaBenchmark(),
    new TelegramWebhookScenario(),
    new MemoryQualityScenario(),
    new DocumentsScenario(),
];

var quick = args.Contains("--quick");
var names = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToList();
if (args.Contains("--help") || args.Contains("-h"))
{
    Console.WriteLine("usage: tools/bench/run [--quick] [scenario ...]\n\nscenarios:");
    foreach (var scenario in scenarios)
    {
        Console.WriteLine($"  {scenario.Name,-22} {scenario.Description}");
    }

    return 0;
}

var unknown = names.Except(scenarios.Select(s => s.Name)).ToList();
if (unknown.Count > 0)
{
    Console.Error.WriteLine($"bench: unknown scenario '{unknown[0]}' (see --help)");
    return 64;
}

var serverUrl = Environment.GetEnvironmentVariable("DATABASE_URL")
    ?? throw new InvalidOperationException("DATABASE_URL is required (tools/bench/run provides the embedded cluster)");
var context = new BenchmarkContext(serverUrl, Console.Out, quick);
foreach (var scenario in scenarios.Where(s => names.Count == 0 || names.Contains(s.Name)))
{
    Console.WriteLine($"## {scenario.Name}\n\n{scenario.Description}\n");
    await scenario.RunAsync(context, CancellationToken.None);
    Console.WriteLine();
}

return 0;
