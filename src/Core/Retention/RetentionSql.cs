namespace Monolith.Retention;

/// <summary>
/// The statements of retention's own bookkeeping. What to delete is the owners' SQL (<c>ConversationRetention</c>,
/// <c>CheckpointRetention</c>); retention decides when, in which order, in what batches and under which lock.
/// </summary>
internal static class RetentionSql
{
    public const string TryLock = "SELECT pg_try_advisory_lock($1)";

    public const string Unlock = "SELECT pg_advisory_unlock($1)";

    public const string Now = "SELECT now()";
}
