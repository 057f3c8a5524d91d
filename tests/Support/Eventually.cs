namespace Monolith.Tests.Support;

/// <summary>Waits for a condition another thread or process brings about; fails after a generous limit, so it proves "happens", not "fast".</summary>
public static class Eventually
{
    public static async Task TrueAsync(Func<Task<bool>> condition, int limitSeconds = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(limitSeconds);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"the condition did not hold within {limitSeconds} s");
            await Task.Delay(25);
        }
    }

    public static Task TrueAsync(Func<bool> condition, int limitSeconds = 20) => TrueAsync(() => Task.FromResult(condition()), limitSeconds);
}
