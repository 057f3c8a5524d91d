using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Monolith.Registry;

namespace Monolith.Agents;

/// <summary>
/// Finds the agent that answers a chat in the registry and reads its config file. An agent missing from the
/// registry, inactive, or with an unreadable file falls back to the built-in assistant, with a warning logged.
/// </summary>
public sealed partial class AgentCatalog(RegistryDbContext registry, ILogger<AgentCatalog> logger)
{
    public const string DefaultAgent = "assistant";

    public async Task<ResolvedAgent> ResolveAsync(string name, CancellationToken cancellationToken)
    {
        var agent = await registry.Agents.AsNoTracking().FirstOrDefaultAsync(a => a.Name == name && a.IsActive, cancellationToken);
        var config = agent is null ? AgentConfig.Default : await ReadAsync(agent, cancellationToken);
        var listed = config.Tools.Distinct(StringComparer.Ordinal).ToList();
        var registered = await registry.Tools.AsNoTracking().Where(t => listed.Contains(t.Name) && t.IsActive).ToListAsync(cancellationToken);
        var tools = new List<ToolDefinition>();
        foreach (var toolName in listed)
        {
            var tool = registered.FirstOrDefault(t => t.Name == toolName);
            var definition = tool is null ? BuiltInTools.Definitions.GetValueOrDefault(toolName) : FromRegistry(tool);
            if (definition is null)
            {
                LogUnrunnableTool(logger, name, toolName);
                continue;
            }

            tools.Add(definition);
        }

        return new ResolvedAgent(agent?.Name ?? name, config, tools);
    }

    private async Task<AgentConfig> ReadAsync(Agent agent, CancellationToken cancellationToken)
    {
        try
        {
            return AgentConfig.Parse(await File.ReadAllTextAsync(agent.ConfigPath, cancellationToken));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or ArgumentException or NotSupportedException)
        {
            LogBadConfig(logger, agent.Name, agent.ConfigPath, e.Message);
            return AgentConfig.Default;
        }
    }

    /// <summary>A registered tool runs when its module_path names a built-in; its registered description and schema are what the model sees.</summary>
    private static ToolDefinition? FromRegistry(Tool tool)
    {
        if (!tool.ModulePath.StartsWith(BuiltInTools.ModulePathPrefix, StringComparison.Ordinal)
            || !BuiltInTools.Definitions.TryGetValue(tool.ModulePath[BuiltInTools.ModulePathPrefix.Length..], out var builtIn))
        {
            return null;
        }

        var schema = tool.Schema is null ? null : JsonNode.Parse(tool.Schema) as JsonObject;
        return new ToolDefinition(tool.Name, tool.Description ?? builtIn.Description, schema ?? builtIn.Parameters, builtIn.BuiltIn);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Agent {Agent} lists tool {Tool}, which is neither a built-in nor a registered tool with a builtin: module_path; it is not offered")]
    private static partial void LogUnrunnableTool(ILogger logger, string agent, string tool);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Agent {Agent}: config file {Path} cannot be used ({Reason}); the built-in assistant answers instead")]
    private static partial void LogBadConfig(ILogger logger, string agent, string path, string reason);
}
