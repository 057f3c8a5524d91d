namespace Monolith.Checkpoints;

/// <summary>A request addressed to one thread, whose thread id <see cref="RawThreadId"/> can replace.</summary>
public interface IThreadAddressed
{
    string? ThreadId { get; }

    object WithThreadId(string threadId);
}
