namespace Monolith.Mechanic;

/// <summary>
/// Bounds the CPU that untrusted drafts can take: at most <see cref="DraftLimits.MaxConcurrentDrafts"/> at once (more are
/// refused, not queued), each within <see cref="DraftLimits.Timeout"/> and the request's and the host's cancellation.
/// Roslyn does not stop parsing when cancelled, so a slot is only given back when its parsing thread has really finished.
/// </summary>
public sealed class DraftGate(DraftLimits limits, CancellationToken stopping) : IDisposable
{
    /// <summary>A thread of its own with a large stack: the source screen bounds nesting, this is the margin behind it.</summary>
    private const int ParserStackBytes = 64 * 1024 * 1024;

    private readonly SemaphoreSlim slots = new(limits.MaxConcurrentDrafts, limits.MaxConcurrentDrafts);

    public DraftLimits Limits => limits;

    private CancellationToken Stopping => stopping;

    /// <summary>Takes a slot now or throws <see cref="DraftsBusyException"/>.</summary>
    public Slot Enter(CancellationToken cancellationToken)
    {
        if (!slots.Wait(0, CancellationToken.None))
        {
            throw new DraftsBusyException(limits.MaxConcurrentDrafts, TimeSpan.FromSeconds(Math.Clamp(limits.Timeout.TotalSeconds / 4, 1, 30)));
        }

        return new Slot(this, cancellationToken);
    }

    public void Dispose() => slots.Dispose();

    /// <summary>One running draft: its token ends at the time budget, when the client goes or when the host stops.</summary>
    public sealed class Slot : IDisposable
    {
        private readonly DraftGate gate;
        private readonly CancellationTokenSource budget;
        private Task running = Task.CompletedTask;
        private int released;

        internal Slot(DraftGate gate, CancellationToken cancellationToken)
        {
            this.gate = gate;
            budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, gate.Stopping);
            budget.CancelAfter(gate.Limits.Timeout);
            RequestToken = cancellationToken;
        }

        public CancellationToken Token => budget.Token;

        /// <summary>Whether the draft ran out of time (rather than being abandoned by its client or the host).</summary>
        public bool TimedOut => budget.IsCancellationRequested && !RequestToken.IsCancellationRequested && !gate.Stopping.IsCancellationRequested;

        private CancellationToken RequestToken { get; }

        /// <summary>Runs CPU-bound work (parsing, compiling) on a large-stack thread and waits for it within the budget.</summary>
        public Task<T> RunAsync<T>(Func<CancellationToken, T> work)
        {
            var result = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
            var token = Token;
            var thread = new Thread(
                () =>
                {
                    try
                    {
                        result.SetResult(work(token));
                    }
                    catch (Exception exception)
                    {
                        result.SetException(exception);
                    }
                },
                ParserStackBytes)
            {
                IsBackground = true,
                Name = "mechanic-draft",
            };
            thread.Start();
            running = result.Task;
            var waited = result.Task.WaitAsync(token);
            _ = waited.ContinueWith(
                _ => result.Task.ContinueWith(
                    done =>
                    {
                        // Nobody is waiting for this result any more: let go of what it holds (a loaded schema).
                        if (done.IsCompletedSuccessfully && done.Result is IDisposable abandoned)
                        {
                            abandoned.Dispose();
                        }
                    },
                    CancellationToken.None,
                    TaskContinuationOptions.ExecuteSynchronously,
                    TaskScheduler.Default),
                CancellationToken.None,
                TaskContinuationOptions.NotOnRanToCompletion | TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
            return waited;
        }

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 1)
            {
                return;
            }

            running.ContinueWith(
                _ =>
                {
                    budget.Dispose();
                    gate.slots.Release();
                },
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
        }
    }
}
