using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;

namespace Monolith.Agents;

/// <summary>
/// The assistant with a chat model: recent history, recalled memory and the agent's tools as function calls,
/// for at most the agent's maxToolRounds rounds of tool calls before the model must answer in words.
/// </summary>
public sealed class ModelAgent(
    ChatModelClient model,
    ChatModelSettings settings,
    ConversationMemory memory,
    BuiltInTools builtIns,
    EntityTools entityTools,
    SchemaChangeTool schemaChanges,
    ToolCallRecorder recorder)
{
    public async Task<AgentReply> RunAsync(ResolvedAgent agent, TurnScope scope, string text, CancellationToken cancellationToken)
    {
        var config = agent.Config;
        var messages = new JsonArray { new JsonObject { ["role"] = "system", ["content"] = await SystemPromptAsync(config, scope, text, cancellationToken) } };
        foreach (var message in await memory.RecentAsync(scope.ConversationId, config.HistoryMessages, cancellationToken))
        {
            messages.Add(new JsonObject { ["role"] = message.Role == "tool" ? "system" : message.Role, ["content"] = message.Content });
        }

        var calls = new List<ToolCall>();
        for (var round = 0; ; round++)
        {
            var offerTools = round < config.MaxToolRounds && agent.Tools.Count > 0;
            var answer = await model.CompleteAsync(Request(config, messages, offerTools ? agent.Tools : []), cancellationToken);
            var toolCalls = answer["tool_calls"] as JsonArray;
            if (!offerTools || toolCalls is null || toolCalls.Count == 0)
            {
                var content = answer["content"]?.GetValue<string>();
                return new AgentReply(string.IsNullOrWhiteSpace(content) ? "I have no answer to that." : content, calls);
            }

            messages.Add(answer.DeepClone());
            foreach (var toolCall in toolCalls.OfType<JsonObject>())
            {
                var name = toolCall["function"]?["name"]?.GetValue<string>() ?? string.Empty;
                var arguments = toolCall["function"]?["arguments"]?.GetValue<string>() ?? "{}";
                var result = await ExecuteAsync(agent, name, arguments, scope, calls, cancellationToken);
                messages.Add(new JsonObject
                {
                    ["role"] = "tool",
                    ["tool_call_id"] = toolCall["id"]?.GetValue<string>() ?? string.Empty,
                    ["content"] = result.ToJsonString(),
                });
            }
        }
    }

    private async Task<JsonObject> ExecuteAsync(ResolvedAgent agent, string name, string arguments, TurnScope scope, List<ToolCall> calls, CancellationToken cancellationToken)
    {
        var tool = agent.Tools.FirstOrDefault(t => t.Name == name);
        if (tool is null)
        {
            return BuiltInTools.Error($"unknown tool '{name}'; the tools here are: {string.Join(", ", agent.Tools.Select(t => t.Name))}");
        }

        var started = Stopwatch.GetTimestamp();
        var result = tool.BuiltIn switch
        {
            SchemaChangeTool.Name => await schemaChanges.ExecuteAsync(agent.Name, arguments, scope, cancellationToken),
            _ when tool.BuiltIn.StartsWith(EntityTools.BuiltInPrefix, StringComparison.Ordinal) => await entityTools.ExecuteAsync(tool, arguments, scope, cancellationToken),
            _ => await builtIns.ExecuteAsync(tool.BuiltIn, arguments, scope, cancellationToken),
        };
        var call = new ToolCall(name, ArgumentsJson(arguments), result.ToJsonString(), (int)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        await recorder.RecordAsync(call, tool, scope.ConversationId, scope.UserMessageId, cancellationToken);
        calls.Add(call);
        return result;
    }

    private async Task<string> SystemPromptAsync(AgentConfig config, TurnScope scope, string text, CancellationToken cancellationToken)
    {
        if (config.MemoryResults == 0)
        {
            return config.Prompt;
        }

        var recalled = await memory.SearchAsync(scope.UserId, scope.ChatId, text, config.MemoryResults, scope.UserMessageId, cancellationToken);
        if (recalled.Count == 0)
        {
            return config.Prompt;
        }

        var prompt = new StringBuilder(config.Prompt).Append("\n\nWhat the user said before that may matter:");
        foreach (var hit in recalled)
        {
            prompt.Append("\n- ").Append(hit.Content);
        }

        return prompt.ToString();
    }

    private JsonObject Request(AgentConfig config, JsonArray messages, IReadOnlyList<ToolDefinition> tools)
    {
        var request = new JsonObject { ["model"] = config.Model ?? settings.Model, ["messages"] = messages.DeepClone() };
        if (config.Temperature is { } temperature)
        {
            request["temperature"] = temperature;
        }

        if (tools.Count > 0)
        {
            request["tools"] = new JsonArray([.. tools.Select(t => (JsonNode)new JsonObject
            {
                ["type"] = "function",
                ["function"] = new JsonObject { ["name"] = t.Name, ["description"] = t.Description, ["parameters"] = t.Parameters.DeepClone() },
            })]);
        }

        return request;
    }

    /// <summary>tool_usage.arguments is jsonb: arguments the model garbled are kept as a string inside an object.</summary>
    private static string ArgumentsJson(string arguments)
    {
        try
        {
            return JsonNode.Parse(arguments) is JsonObject parsed ? parsed.ToJsonString() : new JsonObject { ["raw"] = arguments }.ToJsonString();
        }
        catch (System.Text.Json.JsonException)
        {
            return new JsonObject { ["raw"] = arguments }.ToJsonString();
        }
    }
}
