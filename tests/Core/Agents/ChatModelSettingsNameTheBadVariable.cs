using Microsoft.Extensions.Configuration;
using Monolith.Agents;
using Monolith.Configuration;

namespace Monolith.Tests.Core.Agents;

public sealed class ChatModelSettingsNameTheBadVariable
{
    [Fact]
    public void UnsetBaseUrlLeavesTheModelOff() => Assert.False(Read([]).Enabled);

    [Theory]
    [InlineData("CHAT_MODEL_BASE_URL", "not a url", "CHAT_MODEL_BASE_URL must be an absolute http(s) URL")]
    [InlineData("CHAT_MODEL", null, "CHAT_MODEL is required when CHAT_MODEL_BASE_URL is set")]
    [InlineData("CHAT_MODEL_TIMEOUT_SECONDS", "0", "CHAT_MODEL_TIMEOUT_SECONDS must be a whole number")]
    public void BadValueStopsStartupNamingIt(string name, string? value, string expected)
    {
        var settings = new Dictionary<string, string?> { ["CHAT_MODEL_BASE_URL"] = "http://127.0.0.1:9/", ["CHAT_MODEL"] = "m", [name] = value };
        var error = Assert.Throws<ConfigurationException>(() => Read(settings));
        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://127.0.0.1:8080", "http://127.0.0.1:8080/v1/chat/completions")]
    [InlineData("http://127.0.0.1:8080/v1", "http://127.0.0.1:8080/v1/chat/completions")]
    [InlineData("https://models.internal/openai/v1/", "https://models.internal/openai/v1/chat/completions")]
    public void CompletionsUrlAcceptsBasesWithOrWithoutV1(string baseUrl, string expected) =>
        Assert.Equal(expected, Read(new() { ["CHAT_MODEL_BASE_URL"] = baseUrl, ["CHAT_MODEL"] = "m" }).CompletionsUrl.ToString());

    private static ChatModelSettings Read(Dictionary<string, string?> values) =>
        ChatModelSettings.Read(new SettingReader(new ConfigurationBuilder().AddInMemoryCollection(values).Build()));
}
