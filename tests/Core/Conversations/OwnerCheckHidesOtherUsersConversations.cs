using System.Net;
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
        Assert.DoesNotContain("700", otherProblem.GetProperty("detail").GetString(), StringComparison.Ordinal);
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
    }
}
