using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Monolith.Registry;

namespace Monolith.Agents;

/// <summary>
/// Finds the agent that answers a chat in the registry and reads its config file. An agent missing from the
/// registry, inactive, or with a file that is refused (see AgentConfigDirectory) or invalid falls back to the built-in assistant, with a warning logged.
/// </summary>
public sealed partial class AgentCatalog(AgentRegistry agents, ToolRegistry registeredTools, AgentConfigDirectory configFiles, EntityTools entityTools, ILogger<AgentCatalog> logger)
{
    public const string DefaultAgent = "assistant";

    public async Task<ResolvedAgent> ResolveAsync(string name, CancellationToken cancellationToken)
    {
        var agent = await agents.FindActiveAsync(name, cancellationToken);
        var config = agent is null ? AgentConfig.Default : await ReadAsync(name, agent.ConfigPath, cancellationToken);
        var registered = await registeredTools.FindAllAsync(config.Tools, cancellationToken);
        var tools = new List<ToolDefinition>();
        foreach (var toolName in config.Tools.Distinct(StringComparer.Ordinal))
        {
            var definition = registered.TryGetValue(toolName, out var tool) ? FromRegistry(tool) : BuiltIn(toolName);
            if (definition is null)
            {
                LogUnrunnableTool(logger, name, toolName);
                continue;
            }

            tools.Add(definition);
        }

        // A configured tool keeps its name: an entity tool of the same name is not offered.
        tools.AddRange(entityTools.For(config.Entities).Where(e => tools.TrueForAll(t => t.Name != e.Name)));

        return new ResolvedAgent(name, config, tools);
    }

    private async Task<AgentConfig> ReadAsync(string name, string configPath, CancellationToken cancellationToken)
    {
        try
        {
            return AgentConfig.Parse(await configFiles.ReadTextAsync(configPath, cancellationToken));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or ArgumentException or NotSupportedException)
        {
            LogBadConfig(logger, name, configPath, e.Message);
            return AgentConfig.Default;
        }
    }

    /// <summary>A registered tool runs when its module_path names a built-in; its registered description and schema are what the model sees.</summary>
    private static ToolDefinition? FromRegistry(ToolView tool)
    {
        if (!tool.IsActive || !tool.ModulePath.StartsWith(BuiltInTools.ModulePathPrefix, StringComparison.Ordinal)
            || BuiltIn(tool.ModulePath[BuiltInTools.ModulePathPrefix.Length..]) is not { } builtIn)
        {
            return null;
        }

        var schema = tool.Schema is { } registered ? JsonNode.Parse(registered.GetRawText()) as JsonObject : null;
        return new ToolDefinition(tool.Name, tool.Description ?? builtIn.Description, schema ?? builtIn.Parameters, builtIn.BuiltIn);
    }

    private static ToolDefinition? BuiltIn(string name) =>
        BuiltInTools.Definitions.GetValueOrDefault(name) ?? (name == SchemaChangeTool.Name ? SchemaChangeTool.Definition : null);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Agent {Agent} lists tool {Tool}, which is neither a built-in nor a registered tool with a builtin: module_path; it is not offered")]
    private static partial void LogUnrunnableTool(ILogger logger, string agent, string tool);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Agent {Agent}: config file {Path} cannot be used ({Reason}); the built-in assistant answers instead")]
    private static partial void LogBadConfig(ILogger logger, string agent, string path, string reason);
}
