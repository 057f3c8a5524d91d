namespace Monolith.Mcp;

/// <summary>An issued user key; it is derived from API_KEY, so rotating that key revokes it.</summary>
public sealed record UserKeyView(long UserId, string Key);
