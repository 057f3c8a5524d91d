using Monolith.Mechanic;
using System.Diagnostics;

namespace Monolith.Tests.Core.Mechanic;

/// <summary>
/// The gate every draft runs through: work beyond its time budget or abandoned by its client is no longer waited for,
/// yet its slot stays taken until the work has really stopped, so the cap bounds the CPU actually in use.
/// </summary>
public sealed class DraftGateBoundsTimeAndConcurrency
{
    [Fact]
    public async Task WorkOverTheBudgetIsAbandonedAndItsSlotHeldUntilItEnds()
    {
        using var gate = new DraftGate(new DraftLimits(1, TimeSpan.FromSeconds(1)), CancellationToken.None);
        using var finished = new ManualResetEventSlim();
        var watch = Stopwatch.StartNew();
        var slot = gate.Enter(CancellationToken.None);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => slot.RunAsync(_ =>
        {
            Thread.Sleep(TimeSpan.FromSeconds(4));
            finished.Set();
            return 1;
        }));

        Assert.True(slot.TimedOut);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3.5), $"the budget of 1 s ended the wait only after {watch.Elapsed}");
        slot.Dispose();
        Assert.Throws<DraftsBusyException>(() => gate.Enter(CancellationToken.None));
        Assert.True(finished.Wait(TimeSpan.FromSeconds(30)));
        await Eventually(() => TryEnter(gate));
    }

    [Fact]
    public async Task ClientThatGoesAwayEndsTheWaitWithoutCountingAsTimeout()
    {
        using var gate = new DraftGate(new DraftLimits(2, TimeSpan.FromMinutes(5)), CancellationToken.None);
        using var client = new CancellationTokenSource();
        using var slot = gate.Enter(client.Token);
        var running = slot.RunAsync(token =>
        {
            while (!token.IsCancellationRequested)
            {
                Thread.Sleep(10);
            }

            return 0;
        });

        await client.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.False(slot.TimedOut);
    }

    [Fact]
    public async Task HostShutdownEndsTheWait()
    {
        using var stopping = new CancellationTokenSource();
        using var gate = new DraftGate(new DraftLimits(1, TimeSpan.FromMinutes(5)), stopping.Token);
        using var slot = gate.Enter(CancellationToken.None);
        var running = slot.RunAsync(token =>
        {
            token.WaitHandle.WaitOne();
            return 0;
        });

        await stopping.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public void SlotsBeyondTheCapAreRefusedNotQueued()
    {
        using var gate = new DraftGate(new DraftLimits(2, TimeSpan.FromMinutes(1)), CancellationToken.None);
        var first = gate.Enter(CancellationToken.None);
        using var second = gate.Enter(CancellationToken.None);

        var busy = Assert.Throws<DraftsBusyException>(() => gate.Enter(CancellationToken.None));

        Assert.True(busy.RetryAfter > TimeSpan.Zero);
        first.Dispose();
        using var third = gate.Enter(CancellationToken.None);
    }

    [Fact]
    public async Task WorkRunsOnAThreadWithALargeStack()
    {
        using var gate = new DraftGate(new DraftLimits(1, TimeSpan.FromMinutes(1)), CancellationToken.None);
        using var slot = gate.Enter(CancellationToken.None);

        // 200,000 frames of this size overflow a default 1.5 MB thread stack; the gate's thread holds them.
        Assert.Equal(200_000, await slot.RunAsync(_ => Recurse(200_000)));
    }

    private static int Recurse(int depth) => depth == 0 ? 0 : 1 + Recurse(depth - 1);

    private static bool TryEnter(DraftGate gate)
    {
        try
        {
            gate.Enter(CancellationToken.None).Dispose();
            return true;
        }
        catch (DraftsBusyException)
        {
            return false;
        }
    }

    private static async Task Eventually(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the slot was never given back");
            await Task.Delay(50);
        }
    }
}
