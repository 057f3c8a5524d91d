namespace Monolith.Bench;

/// <summary>What a scenario gets: a server URL to create scratch databases on and where to write its report.</summary>
public sealed record BenchmarkContext(string ServerUrl, TextWriter Report, bool Quick);
