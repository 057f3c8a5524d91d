using System.Text.Json.Nodes;

namespace Monolith.Tests.Core.Telegram;

/// <summary>One call the fake Bot API received; Accepted is false when it answered with an error (such as 429).</summary>
public sealed record BotApiCall(string Method, JsonObject Body, DateTime At, bool Accepted)
{
    public string Text => Body["text"]?.GetValue<string>() ?? string.Empty;

    public long ChatId => Body["chat_id"]!.GetValue<long>();
}
