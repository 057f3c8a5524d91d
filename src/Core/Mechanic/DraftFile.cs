namespace Monolith.Mechanic;

/// <summary>A file a draft writes, by repository-relative path with forward slashes.</summary>
public sealed record DraftFile(string Path, string Content);
