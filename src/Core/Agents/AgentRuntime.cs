using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace Monolith.Agents;

/// <summary>
/// Runs one agent turn: the chat's conversation is continued (or started), the user's message is stored before any
/// agent runs, the agent chosen for the chat answers, the reply is stored and a checkpoint is written.
/// A failing model or tool becomes a polite reply; the user's message is never lost.
/// </summary>
public sealed partial class AgentRuntime(
    ConversationMemory memory,
    AgentCatalog catalog,
    MemoryAgent memoryAgent,
    ModelAgent modelAgent,
    ChatModelSettings model,
    TurnCheckpoints checkpoints,
    ILogger<AgentRuntime> logger)
{
    public const string ModelUnavailableReply = "Sorry, I cannot think right now: the language model did not answer. Your message is saved; please try again in a moment.";
    public const string FailureReply = "Sorry, something went wrong while I was answering. Your message is saved; please try again in a moment.";

    public async Task<TurnOutcome> RunTurnAsync(TurnInput input, CancellationToken cancellationToken)
    {
        var conversation = await memory.StartOrContinueAsync(input.UserId, input.ChatId, cancellationToken);
        var isCommand = MemoryAgent.IsCommand(input.Text);
        var userMessage = await memory.AppendAsync(conversation.Id, "user", input.Text, input.Metadata, searchable: !isCommand, cancellationToken);
        var scope = new TurnScope(input.UserId, input.ChatId, conversation.Id, userMessage.Id, input.Text);
        var agentName = AgentOf(conversation);
        AgentReply reply;
        string? error = null;
        try
        {
            if (isCommand || !model.Enabled)
            {
                agentName = model.Enabled ? agentName : "memory";
                reply = await memoryAgent.RunAsync(scope, input.Text, cancellationToken);
            }
            else
            {
                var agent = await catalog.ResolveAsync(agentName, cancellationToken);
                reply = await modelAgent.RunAsync(agent, scope, input.Text, cancellationToken);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogTurnFailed(logger, e, conversation.Id, agentName);
            reply = new AgentReply(e is ChatModelException ? ModelUnavailableReply : FailureReply, []);
            error = e.Message;
        }

        var replyMetadata = new JsonObject { ["agent"] = agentName, ["toolCalls"] = reply.ToolCalls.Count };
        if (error is not null)
        {
            replyMetadata["error"] = error;
        }

        var replyMessage = await memory.AppendAsync(conversation.Id, "assistant", reply.Text, replyMetadata, searchable: false, cancellationToken);
        var state = new JsonObject
        {
            ["channel_values"] = new JsonObject
            {
                ["messages"] = new JsonArray(
                    new JsonObject { ["role"] = "user", ["content"] = input.Text, ["sequence"] = userMessage.Sequence },
                    new JsonObject { ["role"] = "assistant", ["content"] = reply.Text, ["sequence"] = replyMessage.Sequence }),
                ["tool_calls"] = new JsonArray([.. reply.ToolCalls.Select(c => (JsonNode)new JsonObject { ["name"] = c.Name, ["ms"] = c.ExecutionTimeMs })]),
            },
        };
        var metadata = new JsonObject { ["source"] = "loop", ["agent"] = agentName, ["step"] = replyMessage.Sequence, ["input"] = input.Metadata.DeepClone() };
        var checkpointId = await checkpoints.WriteAsync(conversation.Id, state, metadata, cancellationToken);
        return new TurnOutcome(conversation.Id, userMessage.Id, replyMessage.Id, reply.Text, checkpointId);
    }

    /// <summary>Applies an edit the user made to an earlier message, so memory searches find the new words.</summary>
    public Task<bool> ReviseAsync(long userId, long chatId, JsonObject match, string text, CancellationToken cancellationToken) =>
        memory.ReviseAsync(userId, chatId, match, text, cancellationToken);

    /// <summary>A conversation may name its agent in metadata.agent; otherwise the assistant answers.</summary>
    private static string AgentOf(ChatConversation conversation)
    {
        try
        {
            return JsonNode.Parse(conversation.Metadata)?["agent"] is JsonValue value && value.TryGetValue<string>(out var name) && name.Length > 0
                ? name
                : AgentCatalog.DefaultAgent;
        }
        catch (System.Text.Json.JsonException)
        {
            return AgentCatalog.DefaultAgent;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Agent turn failed in conversation {ConversationId} ({Agent}); a polite reply is sent instead")]
    private static partial void LogTurnFailed(ILogger logger, Exception exception, Guid conversationId, string agent);
}
