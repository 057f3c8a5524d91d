namespace Monolith.Bench;

/// <summary>One benchmark: it prints a markdown table of its figures, the baseline beside ours.</summary>
public interface IBenchmarkScenario
{
    string Name { get; }

    string Description { get; }

    Task RunAsync(BenchmarkContext context, CancellationToken cancellationToken);
}
