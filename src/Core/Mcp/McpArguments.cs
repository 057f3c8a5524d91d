using System.Text.Json;

namespace Monolith.Mcp;

/// <summary>The arguments of one tool call, read with clear refusals for missing or mistyped values.</summary>
public sealed class McpArguments(IDictionary<string, JsonElement>? values)
{
    private readonly IDictionary<string, JsonElement> values = values ?? new Dictionary<string, JsonElement>();

    public long RequiredLong(string name) =>
        values.TryGetValue(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number)
            ? number
            : throw new McpToolRefusedException($"'{name}' is required and must be an integer.");

    public int? OptionalInt(string name, int min, int max)
    {
        if (!values.TryGetValue(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) && number >= min && number <= max
            ? number
            : throw new McpToolRefusedException($"'{name}' must be an integer from {min} to {max}.");
    }

    public string RequiredText(string name, int maxLength)
    {
        if (!values.TryGetValue(name, out var value) || value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
        {
            throw new McpToolRefusedException($"'{name}' is required and must be non-empty text.");
        }

        var text = value.GetString()!;
        return text.Length <= maxLength ? text : throw new McpToolRefusedException($"'{name}' must be at most {maxLength} characters.");
    }

    public string? OptionalText(string name, int maxLength) =>
        values.TryGetValue(name, out var value) && value.ValueKind != JsonValueKind.Null ? RequiredText(name, maxLength) : null;

    public Guid RequiredGuid(string name) =>
        values.TryGetValue(name, out var value) && value.ValueKind == JsonValueKind.String && Guid.TryParse(value.GetString(), out var id)
            ? id
            : throw new McpToolRefusedException($"'{name}' is required and must be a UUID.");

    public JsonElement RequiredObject(string name) =>
        values.TryGetValue(name, out var value) && value.ValueKind == JsonValueKind.Object
            ? value
            : throw new McpToolRefusedException($"'{name}' is required and must be a JSON object.");

    public JsonElement? OptionalObject(string name) =>
        values.TryGetValue(name, out var value) && value.ValueKind != JsonValueKind.Null ? RequiredObject(name) : null;
}
