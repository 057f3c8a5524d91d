using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using FluentValidation;
using Monolith.DynamicEntities;
using Monolith.Http;
using Monolith.Schema;

namespace Monolith.Agents;

/// <summary>
/// The tools generated from the served schema: per live entity create_X, update_X, get_X, list_X and delete_X, with
/// JSON Schemas made from its fields. Every call reads and writes only the turn user's rows (created_by).
/// </summary>
/// <remarks>
/// The tool list is built once per schema version (keyed weakly, so an old version's tools go with it): a turn that
/// sees the same version reuses it, and a version the schema watcher publishes is picked up on the next turn.
/// </remarks>
public sealed class EntityTools(SchemaCatalog catalog, DynamicEntityStore store)
{
    /// <summary>An agent config's entities entry that allows every live entity.</summary>
    public const string AllEntities = "*";

    /// <summary>The BuiltIn of an entity tool is "entity.OPERATION:TABLE".</summary>
    public const string BuiltInPrefix = "entity.";

    private const int MaxToolNameLength = 64;

    private readonly ConditionalWeakTable<SchemaVersion, IReadOnlyList<(EntityShape Entity, ToolDefinition[] Tools)>> byVersion = [];
    private int builds;

    /// <summary>How many times a tool list was built from a schema version (once per version a process serves).</summary>
    public int Builds => Volatile.Read(ref builds);

    /// <summary>The entity tools of the current schema an agent may use: <paramref name="entities"/> names entities, or holds "*" for all.</summary>
    public IReadOnlyList<ToolDefinition> For(IReadOnlyList<string> entities)
    {
        if (entities.Count == 0)
        {
            return [];
        }

        var all = entities.Contains(AllEntities, StringComparer.Ordinal);
        var version = catalog.Current;
        return [.. byVersion.GetValue(version, Build)
            .Where(e => all || entities.Contains(e.Entity.Name, StringComparer.Ordinal))
            .SelectMany(e => e.Tools)];
    }

    /// <summary>Runs an entity tool for the turn's user; every failure is an error result the model can act on.</summary>
    public async Task<JsonObject> ExecuteAsync(ToolDefinition tool, string arguments, TurnScope scope, CancellationToken cancellationToken)
    {
        var (operation, table) = Split(tool.BuiltIn);
        var version = catalog.Current;
        var shape = version.ByTable(table);
        if (shape is null || shape.Retired)
        {
            return BuiltInTools.Error($"this kind of record is no longer available (the schema changed); tool {tool.Name} cannot be used any more");
        }

        try
        {
            var args = JsonNode.Parse(string.IsNullOrWhiteSpace(arguments) ? "{}" : arguments) as JsonObject
                ?? throw new BadRequestException("arguments", "arguments must be a JSON object");
            return operation switch
            {
                "create" => await CreateAsync(version, shape, args, scope, cancellationToken),
                "update" => Row(await store.PatchAsync(version, shape, Id(args), scope.UserId, Input(shape, Without(args, "id"), scope, create: false), cancellationToken)),
                "get" => Row(await store.GetAsync(shape, Id(args), scope.UserId, cancellationToken)),
                "list" => await ListAsync(shape, args, scope, cancellationToken),
                "delete" => await DeleteAsync(shape, args, scope, cancellationToken),
                _ => BuiltInTools.Error($"no tool named '{tool.Name}' can run here"),
            };
        }
        catch (JsonException e)
        {
            return BuiltInTools.Error($"arguments are not a JSON object: {e.Message}");
        }
        catch (ValidationException e)
        {
            var error = BuiltInTools.Error("the arguments do not fit " + shape.Name + "; correct these fields and call again");
            error["fields"] = new JsonObject(e.Errors.GroupBy(f => f.PropertyName, StringComparer.Ordinal)
                .Select(g => KeyValuePair.Create(g.Key, (JsonNode?)string.Join(" ", g.Select(f => f.ErrorMessage)))));
            return error;
        }
        catch (BadRequestException e)
        {
            return BuiltInTools.Error($"{e.Field}: {e.Message}");
        }
        catch (NotFoundException e)
        {
            return BuiltInTools.Error(e.Message);
        }
        catch (GoneException e)
        {
            return BuiltInTools.Error(e.Message);
        }
    }

    private async Task<JsonObject> CreateAsync(SchemaVersion version, EntityShape shape, JsonObject args, TurnScope scope, CancellationToken cancellationToken) =>
        Row(await store.CreateAsync(version, shape, Input(shape, args, scope, create: true), cancellationToken));

    private async Task<JsonObject> DeleteAsync(EntityShape shape, JsonObject args, TurnScope scope, CancellationToken cancellationToken)
    {
        var id = Id(args);
        await store.DeleteAsync(shape, id, scope.UserId, cancellationToken);
        return new JsonObject { ["deleted"] = true, ["id"] = id };
    }

    private async Task<JsonObject> ListAsync(EntityShape shape, JsonObject args, TurnScope scope, CancellationToken cancellationToken)
    {
        var limit = args["limit"] is JsonValue l && l.TryGetValue<int>(out var n) ? Math.Clamp(n, 1, 50) : 10;
        var cursor = args["cursor"] is JsonValue c && c.TryGetValue<string>(out var text) ? text : null;
        var filters = new List<EntityFieldFilter>();
        foreach (var (name, value) in args)
        {
            if (name is "limit" or "cursor" || value is null)
            {
                continue;
            }

            var field = Filterable(shape).FirstOrDefault(f => FieldCodec.JsonName(f) == name)
                ?? throw new BadRequestException(name, $"{name} is not a field of {shape.Name} that a list can filter on");
            if (!FieldCodec.TryConvert(field, JsonSerializer.SerializeToElement(value), out var converted, out var error))
            {
                throw new BadRequestException(name, $"{name} {error}");
            }

            filters.Add(new EntityFieldFilter(field, converted));
        }

        var page = await store.ListAsync(shape, new EntityListQuery(scope.UserId, limit, cursor), cancellationToken, filters);
        return new JsonObject
        {
            ["items"] = new JsonArray([.. page.Items.Select(row => (JsonNode)Visible(shape, row))]),
            ["nextCursor"] = page.NextCursor,
        };
    }

    /// <summary>The body of a write: the model's fields, and on create the turn's user as owner, whatever the model sent.</summary>
    private static EntityInput Input(EntityShape shape, JsonObject args, TurnScope scope, bool create)
    {
        var body = (JsonObject)args.DeepClone();
        foreach (var field in shape.Fields.Where(f => f.Deprecated))
        {
            if (body.ContainsKey(FieldCodec.JsonName(field)))
            {
                throw new BadRequestException(FieldCodec.JsonName(field), $"{FieldCodec.JsonName(field)} is no longer used; leave it out");
            }
        }

        if (body.ContainsKey(EntityInputValidator.CreatedBy))
        {
            throw new BadRequestException(EntityInputValidator.CreatedBy, "createdBy is set by the service: leave it out");
        }

        if (create)
        {
            body[EntityInputValidator.CreatedBy] = scope.UserId;
        }

        return EntityInput.Parse(JsonSerializer.SerializeToElement(body));
    }

    private static JsonObject Without(JsonObject args, string name)
    {
        var copy = (JsonObject)args.DeepClone();
        copy.Remove(name);
        return copy;
    }

    private static Guid Id(JsonObject args) =>
        args["id"] is JsonValue value && value.TryGetValue<string>(out var text) && Guid.TryParse(text, out var id)
            ? id
            : throw new BadRequestException("id", "id is required: the id of a row (a UUID) from an earlier create or list");

    private static JsonObject Row(JsonObject row) => new() { ["row"] = row };

    /// <summary>A row as the model sees it: deprecated fields left out, as in the tools' schemas.</summary>
    private static JsonObject Visible(EntityShape shape, JsonObject row)
    {
        foreach (var field in shape.Fields.Where(f => f.Deprecated))
        {
            row.Remove(FieldCodec.JsonName(field));
        }

        return row;
    }

    private static (string Operation, string Table) Split(string builtIn)
    {
        var rest = builtIn[BuiltInPrefix.Length..];
        var colon = rest.IndexOf(':', StringComparison.Ordinal);
        return (rest[..colon], rest[(colon + 1)..]);
    }

    private static IEnumerable<EntityField> Live(EntityShape shape) => shape.Fields.Where(f => !f.Deprecated);

    private static IEnumerable<EntityField> Filterable(EntityShape shape) => Live(shape).Where(f => f.Type != FieldType.Json);

    private IReadOnlyList<(EntityShape Entity, ToolDefinition[] Tools)> Build(SchemaVersion version)
    {
        Interlocked.Increment(ref builds);
        var sets = new List<(EntityShape, ToolDefinition[])>();
        foreach (var shape in version.Entities.Where(e => !e.Retired))
        {
            var noun = JsonNamingPolicy.SnakeCaseLower.ConvertName(shape.Name);
            if ("create_".Length + noun.Length > MaxToolNameLength)
            {
                continue;
            }

            sets.Add((shape,
            [
                Tool("create", shape, noun, $"Store a new {shape.Name} for the user. Returns the stored row with its id.", Fields(shape, create: true)),
                Tool("update", shape, noun, $"Change fields of one of the user's {shape.Name} rows; fields left out keep their values.", WithId(Fields(shape, create: false))),
                Tool("get", shape, noun, $"Read one of the user's {shape.Name} rows by id.", WithId(Object())),
                Tool("list", shape, noun, $"List or search the user's {shape.Name} rows, newest first. Text fields match when they contain the value; other fields when equal. Pass nextCursor as cursor for the next page.", ListParameters(shape)),
                Tool("delete", shape, noun, $"Delete one of the user's {shape.Name} rows by id.", WithId(Object())),
            ]));
        }

        return sets;
    }

    private static ToolDefinition Tool(string operation, EntityShape shape, string noun, string description, JsonObject parameters) =>
        new($"{operation}_{noun}", description, parameters, $"{BuiltInPrefix}{operation}:{shape.Table}");

    private static JsonObject Object() => new() { ["type"] = "object", ["properties"] = new JsonObject() };

    private static JsonObject Fields(EntityShape shape, bool create)
    {
        var schema = Object();
        var properties = schema["properties"]!.AsObject();
        var required = new JsonArray();
        foreach (var field in Live(shape))
        {
            var property = Property(field);
            if (create && field.Default is { } defaultValue)
            {
                property["default"] = JsonNode.Parse(defaultValue);
            }

            properties[FieldCodec.JsonName(field)] = property;
            if (create && field.Required && field.Default is null)
            {
                required.Add(FieldCodec.JsonName(field));
            }
        }

        if (required.Count > 0)
        {
            schema["required"] = required;
        }

        return schema;
    }

    private static JsonObject WithId(JsonObject schema)
    {
        var properties = new JsonObject { ["id"] = new JsonObject { ["type"] = "string", ["format"] = "uuid", ["description"] = "the row's id" } };
        foreach (var (name, value) in schema["properties"]!.AsObject())
        {
            properties[name] = value?.DeepClone();
        }

        var withId = new JsonObject { ["type"] = "object", ["properties"] = properties, ["required"] = new JsonArray("id") };
        return withId;
    }

    private static JsonObject ListParameters(EntityShape shape)
    {
        var properties = new JsonObject
        {
            ["limit"] = new JsonObject { ["type"] = "integer", ["minimum"] = 1, ["maximum"] = 50 },
            ["cursor"] = new JsonObject { ["type"] = "string", ["description"] = "nextCursor of the previous page" },
        };
        foreach (var field in Filterable(shape))
        {
            var property = Property(field);
            property.Remove("maxLength");
            properties[FieldCodec.JsonName(field)] = property;
        }

        return new JsonObject { ["type"] = "object", ["properties"] = properties };
    }

    private static JsonObject Property(EntityField field)
    {
        JsonObject property = field.Type switch
        {
            FieldType.String => new() { ["type"] = "string" },
            FieldType.Text => new() { ["type"] = "string" },
            FieldType.Int or FieldType.BigInt => new() { ["type"] = "integer" },
            FieldType.Decimal => new() { ["type"] = "number" },
            FieldType.Bool => new() { ["type"] = "boolean" },
            FieldType.DateTime => new() { ["type"] = "string", ["format"] = "date-time" },
            FieldType.Date => new() { ["type"] = "string", ["format"] = "date" },
            FieldType.Uuid => new() { ["type"] = "string", ["format"] = "uuid" },
            _ => new() { ["description"] = "any JSON value" },
        };
        if (field.MaxLength is { } maxLength)
        {
            property["maxLength"] = maxLength;
        }

        if (field.References is { } referenced)
        {
            property["description"] = $"the id of one of the user's {referenced} rows";
        }

        return property;
    }
}
