namespace Monolith.Mechanic;

/// <summary>One entry of a proposal's progress journal.</summary>
public sealed record JournalEntry(string Stage, DateTime At, string? Detail);
