using System.Net;
using System.Text;
using Monolith.Tests.Support;

namespace Monolith.Tests.Core.Http;

public sealed class JsonTypeErrorsNameTheFieldNotOurTypes(MonolithFixture fixture) : IntegrationTest(fixture)
{
    [Theory]
    [InlineData("""{"userId":"one","chatId":1}""", "userId")]
    [InlineData("""{"userId":1,"chatId":true}""", "chatId")]
    [InlineData("""[{"userId":1,"chatId":1}]""", "body")]
    public async Task AWrongJsonTypeIsAValidationProblemForThatField(string body, string field)
    {
        var response = await Fixture.Client().PostAsync(new Uri("/api/conversations", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out var messages), errors.ToString());
        Assert.NotEmpty(messages.EnumerateArray());
        Assert.DoesNotContain("Monolith.", problem.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("System.", problem.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ValidationMessagesNameFieldsAsTheJsonDoes()
    {
        var response = await Fixture.Client().PostAsync(new Uri("/api/conversations", UriKind.Relative), new StringContent("""{"userId":0,"chatId":1}""", Encoding.UTF8, "application/json"));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        var message = problem.GetProperty("errors").GetProperty("userId")[0].GetString();
        Assert.Contains("'userId'", message, StringComparison.Ordinal);
    }
}
