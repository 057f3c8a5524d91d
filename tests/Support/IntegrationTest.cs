namespace Monolith.Tests.Support;

/// <summary>Base of tests against the real database: every test starts from empty tables.</summary>
[Collection(SharedDatabase.Name)]
public abstract class IntegrationTest(MonolithFixture fixture) : IAsyncLifetime
{
    protected MonolithFixture Fixture { get; } = fixture;

    public virtual Task InitializeAsync() => Fixture.ResetAsync();

    public virtual Task DisposeAsync() => Task.CompletedTask;
}
