using System.Text.Json;
using System.Text.Json.Nodes;
using ModelContextProtocol.Protocol;
using Monolith.DynamicEntities;
using Monolith.Schema;

namespace Monolith.Mcp;

/// <summary>
/// One tool set per live dynamic entity, generated from the served schema: {table}_create, _list, _get, _update and
/// _delete. Each takes the userId it acts for; rows another user created look missing.
/// </summary>
public static class EntityTools
{
    public const string Create = "create";
    public const string List = "list";
    public const string Get = "get";
    public const string Update = "update";
    public const string Delete = "delete";

    private static readonly string[] Operations = [Create, List, Get, Update, Delete];

    public static IEnumerable<Tool> For(SchemaVersion version) =>
        version.Entities.Where(e => !e.Retired).SelectMany(ToolsOf);

    /// <summary>The live entity and operation a tool name stands for, or null.</summary>
    public static (EntityShape Shape, string Operation)? Find(SchemaVersion version, string toolName)
    {
        foreach (var operation in Operations)
        {
            var suffix = "_" + operation;
            if (toolName.EndsWith(suffix, StringComparison.Ordinal)
                && version.ByTable(toolName[..^suffix.Length]) is { Retired: false } shape)
            {
                return (shape, operation);
            }
        }

        return null;
    }

    private static IEnumerable<Tool> ToolsOf(EntityShape shape)
    {
        var values = Values(shape);
        yield return Tool(shape, Create, $"Create a {shape.Name} owned by the user.", new() { ["values"] = values }, "values");
        yield return Tool(shape, List, $"List the user's {shape.Name} rows, newest first.",
            new() { ["limit"] = new JsonObject { ["type"] = "integer", ["minimum"] = 1, ["maximum"] = 100 }, ["cursor"] = new JsonObject { ["type"] = "string" } });
        yield return Tool(shape, Get, $"Read one of the user's {shape.Name} rows.", new() { ["id"] = Uuid() }, "id");
        yield return Tool(shape, Update, $"Change fields of one of the user's {shape.Name} rows.", new() { ["id"] = Uuid(), ["values"] = Values(shape) }, "id", "values");
        yield return Tool(shape, Delete, $"Delete one of the user's {shape.Name} rows.", new() { ["id"] = Uuid() }, "id");
    }

    private static Tool Tool(EntityShape shape, string operation, string description, JsonObject properties, params string[] required)
    {
        properties["userId"] = new JsonObject { ["type"] = "integer", ["description"] = "The user this call acts for." };
        var schema = new JsonObject
        {
            ["type"] = "object",
            ["properties"] = properties,
            ["required"] = new JsonArray([.. required.Prepend("userId").Select(r => (JsonNode)r)]),
        };
        return new Tool { Name = $"{shape.Table}_{operation}", Description = description, InputSchema = JsonSerializer.SerializeToElement(schema) };
    }

    private static JsonObject Values(EntityShape shape)
    {
        var properties = new JsonObject();
        foreach (var field in shape.Fields.Where(f => !f.Deprecated))
        {
            properties[FieldCodec.JsonName(field)] = FieldSchema(field);
        }

        return new JsonObject { ["type"] = "object", ["properties"] = properties };
    }

    private static JsonObject FieldSchema(EntityField field)
    {
        var schema = field.Type switch
        {
            FieldType.String or FieldType.Text => new JsonObject { ["type"] = "string" },
            FieldType.Int or FieldType.BigInt => new JsonObject { ["type"] = "integer" },
            FieldType.Decimal => new JsonObject { ["type"] = "number" },
            FieldType.Bool => new JsonObject { ["type"] = "boolean" },
            FieldType.DateTime => new JsonObject { ["type"] = "string", ["format"] = "date-time" },
            FieldType.Date => new JsonObject { ["type"] = "string", ["format"] = "date" },
            FieldType.Uuid => Uuid(),
            _ => new JsonObject(),
        };
        if (field.MaxLength is { } max)
        {
            schema["maxLength"] = max;
        }

        if (field.References is { } target)
        {
            schema["description"] = $"The id of a {target}.";
        }

        return schema;
    }

    private static JsonObject Uuid() => new() { ["type"] = "string", ["format"] = "uuid" };
}
