using System.Net;
using System.Net.Http.Json;
using Monolith.Tests.Support;

namespace Monolith.Tests.Core.Conversations;

public sealed class OwnerCheckHidesOtherUsersConversations(MonolithFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task AnotherUsersIdAnswers404LikeAnUnknownConversation()
    {
        using var client = Fixture.Client();
        var conversation = await ConversationsApi.StartIdAsync(client, userId: 700);

        Assert.Equal(700, (await ConversationsApi.GetAsync(client, $"/api/conversations/{conversation}?userId=700")).GetProperty("userId").GetInt64());
        Assert.Equal(700, (await ConversationsApi.GetAsync(client, $"/api/conversations/{conversation}")).GetProperty("userId").GetInt64());
        using var other = await client.GetAsync(new Uri($"/api/conversations/{conversation}?userId=701", UriKind.Relative));
        using var unknown = await client.GetAsync(new Uri($"/api/conversations/{Guid.NewGuid()}?userId=701", UriKind.Relative));
        var otherProblem = await ProblemAssertions.AssertProblemAsync(other, HttpStatusCode.NotFound);
        await ProblemAssertions.AssertProblemAsync(unknown, HttpStatusCode.NotFound);
        Assert.DoesNotContain("700", otherProblem.GetProperty("detail").GetString()!.Replace(conversation.ToString(), "id", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherUsersMessagesCannotBeReadAppendedOrClosed()
    {
        using var client = Fixture.Client();
        var conversation = await ConversationsApi.StartIdAsync(client, userId: 700);
        await ConversationsApi.AppendAsync(client, conversation, "private words");
        var url = $"/api/conversations/{conversation}";

        await ProblemAssertions.AssertProblemAsync(await client.GetAsync(new Uri($"{url}/messages?userId=701", UriKind.Relative)), HttpStatusCode.NotFound);
        await ProblemAssertions.AssertProblemAsync(
            await client.PostAsJsonAsync($"{url}/messages?userId=701", new { role = "user", content = "injected" }), HttpStatusCode.NotFound);
        await ProblemAssertions.AssertProblemAsync(await client.PostAsync(new Uri($"{url}/close?userId=701", UriKind.Relative), null), HttpStatusCode.NotFound);

        var page = await ConversationsApi.GetAsync(client, $"{url}/messages?userId=700");
        Assert.Equal(["private words"], ConversationsApi.Items(page).Select(m => m.GetProperty("content").GetString()));
        var mine = await client.PostAsJsonAsync($"{url}/messages?userId=700", new { role = "user", content = "more" });
        Assert.Equal(HttpStatusCode.Created, mine.StatusCode);
        var conversationNow = await ConversationsApi.GetAsync(client, url);
        Assert.Equal("open", conversationNow.GetProperty("status").GetString());
        Assert.Equal(2, conversationNow.GetProperty("lastSequence").GetInt64());
        using var closed = await client.PostAsync(new Uri($"{url}/close?userId=700", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("abc")]
    [InlineData("99999999999999999999")]
    public async Task ABadUserIdIsAValidationProblem(string userId)
    {
        using var client = Fixture.Client();
        var conversation = await ConversationsApi.StartIdAsync(client, userId: 700);
        using var response = await client.GetAsync(new Uri($"/api/conversations/{conversation}?userId={userId}", UriKind.Relative));
        await ProblemAssertions.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        using var messages = await client.GetAsync(new Uri($"/api/conversations/{conversation}/messages?userId={userId}", UriKind.Relative));
        await ProblemAssertions.AssertProblemAsync(messages, HttpStatusCode.BadRequest);
        using var close = await client.PostAsync(new Uri($"/api/conversations/{conversation}/close?userId={userId}", UriKind.Relative), null);
        await ProblemAssertions.AssertProblemAsync(close, HttpStatusCode.BadRequest);
    }
}
