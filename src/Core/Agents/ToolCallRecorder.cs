using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Monolith.Http;
using Monolith.Registry;

namespace Monolith.Agents;

/// <summary>
/// Records each tool call in the registry's tool usage with its timing. A built-in tool not yet in the tools registry
/// is registered first (module_path "builtin:NAME", its JSON Schema), since every usage belongs to a registered tool.
/// </summary>
public sealed class ToolCallRecorder(ToolUsageLog usage, IServiceScopeFactory scopes)
{
    public const string Actor = "agents";

    public async Task RecordAsync(ToolCall call, ToolDefinition tool, Guid conversationId, Guid messageId, CancellationToken cancellationToken)
    {
        var input = new ToolUsageInput(
            conversationId,
            messageId,
            JsonSerializer.Deserialize<JsonElement>(call.Arguments),
            JsonSerializer.Deserialize<JsonElement>(call.Result),
            call.ExecutionTimeMs,
            "monolith");
        try
        {
            await usage.RecordAsync(call.Name, input, cancellationToken);
        }
        catch (NotFoundException)
        {
            // Only a built-in's first call ever lands here; every later call is recorded without a lookup of its own.
            await RegisterAsync(tool, cancellationToken);
            await usage.RecordAsync(call.Name, input, cancellationToken);
        }
    }

    private async Task RegisterAsync(ToolDefinition tool, CancellationToken cancellationToken)
    {
        // Its own scope: a registration that loses a race leaves a failed entity in its DbContext, which must not be
        // saved again with the usage row.
        await using var scope = scopes.CreateAsyncScope();
        try
        {
            await scope.ServiceProvider.GetRequiredService<ToolRegistry>().CreateAsync(
                new CreateToolRequest(tool.Name, tool.Description, BuiltInTools.ModulePathPrefix + tool.BuiltIn, JsonSerializer.SerializeToElement(tool.Parameters), null, true),
                Actor,
                cancellationToken);
        }
        catch (ConflictException)
        {
            // Another turn registered it at the same moment: it exists, which is all that is needed.
        }
    }
}
