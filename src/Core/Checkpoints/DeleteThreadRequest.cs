namespace Monolith.Checkpoints;

/// <summary>DELETE /api/admin/threads/{threadId}</summary>
public sealed record DeleteThreadRequest(string ThreadId);
