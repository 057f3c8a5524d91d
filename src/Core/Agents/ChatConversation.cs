namespace Monolith.Agents;

/// <summary>The conversation a chat continues: its id and its metadata JSON (which may name the chat's agent).</summary>
public sealed record ChatConversation(Guid Id, string Metadata);
