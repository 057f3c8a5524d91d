namespace Monolith.Tests.Support;

/// <summary>Tests that measure how soon something happens across processes run alone, after the parallel collections.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SoloTiming
{
    public const string Name = "solo timing";
}
