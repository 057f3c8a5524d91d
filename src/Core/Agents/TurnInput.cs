using System.Text.Json.Nodes;

namespace Monolith.Agents;

/// <summary>A user's message to the bot: who, in which chat, the text and metadata stored with it (such as Telegram ids).</summary>
public sealed record TurnInput(long UserId, long ChatId, string Text, JsonObject Metadata);
