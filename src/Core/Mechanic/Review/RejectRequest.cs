namespace Monolith.Mechanic;

/// <summary>POST .../{id}/reject: why the reviewer rejects the change.</summary>
public sealed record RejectRequest(string? Reason);
