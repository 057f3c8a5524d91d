using System.Text.Json;
using System.Text.Json.Serialization;

namespace Monolith.Agents;

/// <summary>
/// The JSON file an agent's registry entry points at (config_path): its prompt, the tools it may call, the model
/// and how much history and memory a turn sees. See docs/telegram.md for the format.
/// </summary>
public sealed record AgentConfig
{
    public static readonly JsonSerializerOptions FileFormat = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>What the built-in assistant is when the registry names no agent or its file cannot be read.</summary>
    public static readonly AgentConfig Default = new()
    {
        Prompt = "You are a helpful assistant in a Telegram chat. Answer briefly in the user's language. "
            + "Use search_memory to recall what the user told you before, and remember to keep facts they ask you to keep. "
            + "Use the create_, list_, get_, update_ and delete_ tools to keep the user's records of each kind. "
            + "Use search_documents for questions about files the user sent, and cite the file name and page you used.",
        Tools = [BuiltInTools.SearchMemory, BuiltInTools.Remember, BuiltInTools.SearchDocuments],
        Entities = [EntityTools.AllEntities],
    };

    public required string Prompt { get; init; }

    /// <summary>Overrides CHAT_MODEL for this agent.</summary>
    public string? Model { get; init; }

    public IReadOnlyList<string> Tools { get; init; } = [];

    /// <summary>The dynamic entities whose tools the agent is offered (entity names, or "*" for all); none when left out.</summary>
    public IReadOnlyList<string> Entities { get; init; } = [];

    public int HistoryMessages { get; init; } = 20;

    public int MemoryResults { get; init; } = 5;

    public int MaxToolRounds { get; init; } = 4;

    public double? Temperature { get; init; }

    /// <summary>Reads and checks a config file; the message of the exception says what is wrong with it.</summary>
    public static AgentConfig Parse(string json)
    {
        var config = JsonSerializer.Deserialize<AgentConfig>(json, FileFormat) ?? throw new JsonException("the file holds null");
        if (string.IsNullOrWhiteSpace(config.Prompt))
        {
            throw new JsonException("prompt must not be empty");
        }

        if (config.HistoryMessages is < 1 or > 200 || config.MemoryResults is < 0 or > 50 || config.MaxToolRounds is < 0 or > 16)
        {
            throw new JsonException("historyMessages must be 1-200, memoryResults 0-50 and maxToolRounds 0-16");
        }

        if (config.Entities.Any(string.IsNullOrWhiteSpace))
        {
            throw new JsonException("entities must hold entity names or \"*\"");
        }

        return config;
    }
}
