using System.Text.Json;
using Monolith.Schema;

namespace Monolith.Mechanic;

/// <summary>Reads the structured <c>entity</c> of a change request strictly: unknown or mistyped members are findings.</summary>
public static class EntityRequestReader
{
    private const string Rule = "request-format";
    private static readonly string[] EntityMembers = ["name", "table", "fields", "searchable", "retired"];
    private static readonly string[] FieldMembers = ["name", "type", "maxLength", "required", "default", "references", "deprecated"];

    private static readonly Dictionary<string, FieldType> Types = new(StringComparer.Ordinal)
    {
        ["string"] = FieldType.String,
        ["text"] = FieldType.Text,
        ["int"] = FieldType.Int,
        ["bigint"] = FieldType.BigInt,
        ["decimal"] = FieldType.Decimal,
        ["bool"] = FieldType.Bool,
        ["datetime"] = FieldType.DateTime,
        ["date"] = FieldType.Date,
        ["uuid"] = FieldType.Uuid,
        ["json"] = FieldType.Json,
    };

    /// <param name="applied">The applied entities: an existing entity keeps its table when the request names none.</param>
    public static EntityShape? Read(JsonElement entity, IReadOnlyList<EntityShape> applied, List<SafetyFinding> findings)
    {
        if (entity.ValueKind != JsonValueKind.Object)
        {
            findings.Add(Error("entity must be a JSON object"));
            return null;
        }

        RejectBidiControls(entity, "entity", findings);
        RejectUnknownMembers(entity, EntityMembers, "entity", findings);
        var name = ReadString(entity, "name", "entity", required: true, findings);
        var table = ReadString(entity, "table", "entity", required: false, findings);
        var retired = ReadBool(entity, "retired", "entity", findings);
        var searchable = ReadSearchable(entity, findings);

        var fields = new List<EntityField>();
        if (!entity.TryGetProperty("fields", out var fieldArray) || fieldArray.ValueKind != JsonValueKind.Array)
        {
            findings.Add(Error("entity.fields must be an array of fields"));
        }
        else
        {
            var index = 0;
            foreach (var field in fieldArray.EnumerateArray())
            {
                var read = ReadField(field, $"entity.fields[{index}]", findings);
                if (read is not null)
                {
                    fields.Add(read with { Searchable = searchable.Contains(read.Name) });
                }

                index++;
            }
        }

        foreach (var missing in searchable.Where(s => fields.All(f => f.Name != s)))
        {
            findings.Add(new SafetyFinding("searchable-field", SafetyFinding.Error, $"searchable names '{missing}', which is not a field of the entity"));
        }

        if (name is null || findings.Any(f => f.Rule is Rule or "bidi-control"))
        {
            return null;
        }

        table ??= applied.FirstOrDefault(e => e.Name == name)?.Table ?? SchemaNames.Table(name);
        return new EntityShape(name, table, fields, retired);
    }

    private static EntityField? ReadField(JsonElement field, string path, List<SafetyFinding> findings)
    {
        if (field.ValueKind != JsonValueKind.Object)
        {
            findings.Add(Error($"{path} must be a JSON object"));
            return null;
        }

        RejectUnknownMembers(field, FieldMembers, path, findings);
        var name = ReadString(field, "name", path, required: true, findings);
        var typeName = ReadString(field, "type", path, required: true, findings);
        var references = ReadString(field, "references", path, required: false, findings);
        var required = ReadBool(field, "required", path, findings);
        var deprecated = ReadBool(field, "deprecated", path, findings);
        int? maxLength = null;
        if (field.TryGetProperty("maxLength", out var max))
        {
            if (max.ValueKind == JsonValueKind.Number && max.TryGetInt32(out var length))
            {
                maxLength = length;
            }
            else
            {
                findings.Add(Error($"{path}.maxLength must be an integer"));
            }
        }

        string? defaultJson = null;
        if (field.TryGetProperty("default", out var defaultValue) && defaultValue.ValueKind != JsonValueKind.Null)
        {
            // A change request writes a json field's default as a string holding JSON text ("[]"); every other type takes a JSON value.
            defaultJson = typeName == "json" && defaultValue.ValueKind == JsonValueKind.String
                ? defaultValue.GetString()
                : defaultValue.GetRawText();
        }

        if (typeName is not null && !Types.ContainsKey(typeName))
        {
            findings.Add(new SafetyFinding("field-type", SafetyFinding.Error, $"{path}.type '{Clip(typeName)}' is not one of {string.Join(", ", Types.Keys)}"));
            return null;
        }

        if (name is null || typeName is null)
        {
            return null;
        }

        return new EntityField(name, SchemaNames.Column(name), Types[typeName], maxLength, required, defaultJson, references, Deprecated: deprecated);
    }

    private static HashSet<string> ReadSearchable(JsonElement entity, List<SafetyFinding> findings)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        if (!entity.TryGetProperty("searchable", out var searchable) || searchable.ValueKind == JsonValueKind.Null)
        {
            return names;
        }

        if (searchable.ValueKind != JsonValueKind.Array || searchable.EnumerateArray().Any(s => s.ValueKind != JsonValueKind.String))
        {
            findings.Add(Error("entity.searchable must be an array of field names"));
            return names;
        }

        foreach (var item in searchable.EnumerateArray())
        {
            names.Add(item.GetString()!);
        }

        return names;
    }

    /// <summary>Every text a reviewer may be shown (names, defaults, even unknown members) must read as it is stored.</summary>
    private static void RejectBidiControls(JsonElement element, string path, List<SafetyFinding> findings)
    {
        // The request's JSON was read with the serializer's depth limit, so this recursion is bounded by it.
        switch (element.ValueKind)
        {
            case JsonValueKind.String when BidiControls.IndexOf(element.GetString()) is var at and >= 0:
                findings.Add(new SafetyFinding("bidi-control", SafetyFinding.Error, $"{path} contains the bidirectional control character {BidiControls.Describe(element.GetString()![at])}"));
                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    RejectBidiControls(item, $"{path}[{index++}]", findings);
                }

                break;
            case JsonValueKind.Object:
                foreach (var member in element.EnumerateObject())
                {
                    if (BidiControls.IndexOf(member.Name) is var at and >= 0)
                    {
                        findings.Add(new SafetyFinding("bidi-control", SafetyFinding.Error, $"{path} has a member name with the bidirectional control character {BidiControls.Describe(member.Name[at])}"));
                        continue;
                    }

                    RejectBidiControls(member.Value, $"{path}.{member.Name}", findings);
                }

                break;
        }
    }

    private static void RejectUnknownMembers(JsonElement element, string[] known, string path, List<SafetyFinding> findings)
    {
        foreach (var member in element.EnumerateObject().Where(m => !known.Contains(m.Name, StringComparer.Ordinal)))
        {
            findings.Add(Error($"{path} has the unknown member '{Clip(member.Name)}' (known: {string.Join(", ", known)})"));
        }
    }

    private static string? ReadString(JsonElement element, string member, string path, bool required, List<SafetyFinding> findings)
    {
        if (!element.TryGetProperty(member, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                findings.Add(Error($"{path}.{member} is required"));
            }

            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            findings.Add(Error($"{path}.{member} must be a string"));
            return null;
        }

        return value.GetString();
    }

    private static bool ReadBool(JsonElement element, string member, string path, List<SafetyFinding> findings)
    {
        if (!element.TryGetProperty(member, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return false;
        }

        if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            findings.Add(Error($"{path}.{member} must be true or false"));
            return false;
        }

        return value.GetBoolean();
    }

    private static SafetyFinding Error(string message) => new(Rule, SafetyFinding.Error, message);

    private static string Clip(string text) => text.Length > 60 ? text[..60] + "…" : text;
}
