using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Monolith.Agents;

/// <summary>
/// Finds the agent that answers a chat in the registry and reads its config file. An agent missing from the
/// registry, inactive, or with an unreadable file falls back to the built-in assistant, with a warning logged.
/// </summary>
public sealed partial class AgentCatalog(NpgsqlDataSource dataSource, ILogger<AgentCatalog> logger)
{
    public const string DefaultAgent = "assistant";

    public async Task<ResolvedAgent> ResolveAsync(string name, CancellationToken cancellationToken)
    {
        var configPath = await ConfigPathAsync(name, cancellationToken);
        var config = configPath is null ? AgentConfig.Default : await ReadAsync(name, configPath, cancellationToken);
        var listed = config.Tools.Distinct(StringComparer.Ordinal).ToArray();
        var registered = await RegisteredToolsAsync(listed, cancellationToken);
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

        return new ResolvedAgent(name, config, tools);
    }

    private async Task<string?> ConfigPathAsync(string name, CancellationToken cancellationToken)
    {
        await using var find = dataSource.CreateCommand("SELECT config_path FROM agents WHERE name = $1 AND is_active");
        find.Parameters.Add(new NpgsqlParameter<string> { TypedValue = name });
        return await find.ExecuteScalarAsync(cancellationToken) as string;
    }

    private async Task<List<RegisteredTool>> RegisteredToolsAsync(string[] names, CancellationToken cancellationToken)
    {
        await using var find = dataSource.CreateCommand("SELECT name, description, module_path, schema::text FROM tools WHERE name = ANY($1) AND is_active");
        find.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = names });
        await using var reader = await find.ExecuteReaderAsync(cancellationToken);
        var tools = new List<RegisteredTool>();
        while (await reader.ReadAsync(cancellationToken))
        {
            tools.Add(new RegisteredTool(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3)));
        }

        return tools;
    }

    private async Task<AgentConfig> ReadAsync(string name, string configPath, CancellationToken cancellationToken)
    {
        try
        {
            return AgentConfig.Parse(await File.ReadAllTextAsync(configPath, cancellationToken));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or ArgumentException or NotSupportedException)
        {
            LogBadConfig(logger, name, configPath, e.Message);
            return AgentConfig.Default;
        }
    }

    /// <summary>A registered tool runs when its module_path names a built-in; its registered description and schema are what the model sees.</summary>
    private static ToolDefinition? FromRegistry(RegisteredTool tool)
    {
        if (!tool.ModulePath.StartsWith(BuiltInTools.ModulePathPrefix, StringComparison.Ordinal)
            || !BuiltInTools.Definitions.TryGetValue(tool.ModulePath[BuiltInTools.ModulePathPrefix.Length..], out var builtIn))
        {
            return null;
        }

        var schema = tool.Schema is null ? null : JsonNode.Parse(tool.Schema) as JsonObject;
        return new ToolDefinition(tool.Name, tool.Description ?? builtIn.Description, schema ?? builtIn.Parameters, builtIn.BuiltIn);
    }

    private sealed record RegisteredTool(string Name, string? Description, string ModulePath, string? Schema);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Agent {Agent} lists tool {Tool}, which is neither a built-in nor a registered tool with a builtin: module_path; it is not offered")]
    private static partial void LogUnrunnableTool(ILogger logger, string agent, string tool);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Agent {Agent}: config file {Path} cannot be used ({Reason}); the built-in assistant answers instead")]
    private static partial void LogBadConfig(ILogger logger, string agent, string path, string reason);
}
