using System.Threading.Channels;

namespace Monolith.Telegram;

/// <summary>
/// The bounded in-memory queue between receipt and processing, partitioned by chat id: one worker reads each
/// partition, so updates of one chat are handled in order and different chats concurrently.
/// </summary>
public sealed class UpdateLanes
{
    private readonly Channel<QueuedUpdate>[] partitions;
    private readonly int capacity;
    private int pending;

    public UpdateLanes(TelegramSettings settings)
    {
        capacity = settings.QueueCapacity;
        partitions = [.. Enumerable.Range(0, settings.Workers).Select(_ => Channel.CreateUnbounded<QueuedUpdate>(new UnboundedChannelOptions { SingleReader = true }))];
    }

    public int PartitionCount => partitions.Length;

    /// <summary>Updates reserved or queued and not yet finished.</summary>
    public int Pending => Volatile.Read(ref pending);

    /// <summary>Takes a slot before the update is stored, so an accepted update always fits; false when the queue is full.</summary>
    public bool TryReserve()
    {
        if (Interlocked.Increment(ref pending) <= capacity)
        {
            return true;
        }

        Interlocked.Decrement(ref pending);
        return false;
    }

    public void Release() => Interlocked.Decrement(ref pending);

    /// <summary>Queues an update whose slot is reserved.</summary>
    public void Enqueue(QueuedUpdate update) =>
        partitions[PartitionOf(update.ChatId)].Writer.TryWrite(update);

    /// <summary>Queues an update found unfinished at start-up: it was accepted before, so it may exceed the capacity.</summary>
    public void Resume(QueuedUpdate update)
    {
        Interlocked.Increment(ref pending);
        Enqueue(update);
    }

    public ChannelReader<QueuedUpdate> Partition(int index) => partitions[index].Reader;

    private int PartitionOf(long chatId) => (int)((ulong)chatId % (ulong)partitions.Length);
}
