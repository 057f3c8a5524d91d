using System.Text.Json;

namespace Monolith.Checkpoints;

/// <summary>
/// The index LangGraph's savers give each write of a put_writes call: a special channel has a fixed negative index
/// (so an error, a scheduled task, an interrupt or a resume value replaces the previous one of its kind), any other
/// write its position in the call.
/// </summary>
public static class PendingWriteIndex
{
    public static IReadOnlyDictionary<string, int> Special { get; } = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["__error__"] = -1,
        ["__scheduled__"] = -2,
        ["__interrupt__"] = -3,
        ["__resume__"] = -4,
    };

    /// <summary>The writes with their indexes; of two special writes with one index in a call, the later is kept.</summary>
    public static IReadOnlyList<IndexedWrite> Assign(IReadOnlyList<PendingWriteInput> writes)
    {
        var byIdx = new Dictionary<int, IndexedWrite>();
        for (var position = 0; position < writes.Count; position++)
        {
            var channel = writes[position].Channel!;
            var idx = Special.TryGetValue(channel, out var special) ? special : position;
            byIdx[idx] = new IndexedWrite(idx, channel, writes[position].Value);
        }

        return [.. byIdx.Values];
    }

    /// <summary>A write with its index.</summary>
    public sealed record IndexedWrite(int Idx, string Channel, JsonElement Value);
}
