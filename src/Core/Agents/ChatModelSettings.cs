using Monolith.Configuration;

namespace Monolith.Agents;

/// <summary>The optional OpenAI-compatible chat model of the assistant agent; without a base URL the built-in memory agent answers.</summary>
public sealed record ChatModelSettings(Uri? BaseUrl, string? ApiKey, string? Model, TimeSpan Timeout)
{
    public bool Enabled => BaseUrl is not null;

    /// <summary>The chat completions address: a base ending in /v1 gets /chat/completions, any other base /v1/chat/completions.</summary>
    public Uri CompletionsUrl
    {
        get
        {
            var baseUrl = BaseUrl ?? throw new InvalidOperationException("no chat model is configured");
            var path = baseUrl.AbsolutePath.TrimEnd('/');
            var suffix = path.EndsWith("/v1", StringComparison.Ordinal) ? "/chat/completions" : "/v1/chat/completions";
            return new UriBuilder(baseUrl) { Path = path + suffix }.Uri;
        }
    }

    public static ChatModelSettings Read(SettingReader settings)
    {
        var baseUrl = settings.AbsoluteUrl("CHAT_MODEL_BASE_URL");
        var model = settings.Text("CHAT_MODEL");
        if (baseUrl is not null && model is null)
        {
            throw new ConfigurationException("CHAT_MODEL is required when CHAT_MODEL_BASE_URL is set: it names the model to call");
        }

        var timeout = settings.Number("CHAT_MODEL_TIMEOUT_SECONDS", 60, 1, 600);
        return new ChatModelSettings(baseUrl, settings.Text("CHAT_MODEL_API_KEY"), model, TimeSpan.FromSeconds(timeout));
    }
}
