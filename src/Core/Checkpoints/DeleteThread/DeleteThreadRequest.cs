namespace Monolith.Checkpoints;

/// <summary>DELETE /api/threads/{threadId} (service key) or /api/admin/threads/{threadId} (admin key).</summary>
public sealed record DeleteThreadRequest(string ThreadId) : IThreadAddressed
{
    public object WithThreadId(string threadId) => this with { ThreadId = threadId };
}
