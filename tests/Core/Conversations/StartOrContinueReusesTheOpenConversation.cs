using Microsoft.Extensions.DependencyInjection;
using Monolith.Conversations;
using Monolith.Http;
using Monolith.Tests.Support;

namespace Monolith.Tests.Core.Conversations;

public sealed class StartOrContinueReusesTheOpenConversation(MonolithFixture fixture) : IntegrationTest(fixture)
{
    private ConversationLog Log => Fixture.Host.Services.GetRequiredService<ConversationLog>();

    [Fact]
    public async Task ConcurrentCallsForOneChatShareOneConversation()
    {
        var started = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Log.StartOrContinueAsync(42, -777, CancellationToken.None)));
        Assert.Single(started.Select(c => c.Id).Distinct());

        var other = await Log.StartOrContinueAsync(42, -778, CancellationToken.None);
        Assert.NotEqual(started[0].Id, other.Id);
    }

    [Fact]
    public async Task AClosedConversationIsNotContinued()
    {
        var first = await Log.StartOrContinueAsync(42, 1, CancellationToken.None);
        await Log.AppendAsync(first.Id, MessageRole.User, "hi", null, CancellationToken.None);
        Assert.Equal(first.Id, (await Log.StartOrContinueAsync(42, 1, CancellationToken.None)).Id);

        await Log.CloseAsync(first.Id, CancellationToken.None);
        var next = await Log.StartOrContinueAsync(42, 1, CancellationToken.None);
        Assert.NotEqual(first.Id, next.Id);
        Assert.Equal(ConversationStatus.Open, next.Status);
    }

    [Fact]
    public async Task HistoryThroughTheServiceMatchesTheAppends()
    {
        var conversation = await Log.StartOrContinueAsync(42, 1, CancellationToken.None);
        for (var i = 1; i <= 3; i++)
        {
            await Log.AppendAsync(conversation.Id, i % 2 == 0 ? MessageRole.Assistant : MessageRole.User, $"m{i}", null, CancellationToken.None);
        }

        var history = await Log.HistoryAsync(conversation.Id, null, 2, CancellationToken.None);
        Assert.Equal(["m3", "m2"], history.Select(m => m.Content));
        await Assert.ThrowsAsync<BadRequestException>(() => Log.AppendAsync(conversation.Id, "robot", "x", null, CancellationToken.None));
        await Assert.ThrowsAsync<NotFoundException>(() => Log.HistoryAsync(Guid.NewGuid(), null, 10, CancellationToken.None));
    }
}
