using Monolith.Schema;

namespace Monolith.Mechanic;

/// <summary>
/// The rules a requested entity shape must pass before any code is generated: names, types, defaults, references, and
/// (for an existing entity) that the new shape only adds to the applied one.
/// </summary>
public static class EntityShapeRules
{
    public const int MaxFields = 200;

    /// <summary>PostgreSQL's limit for varchar(n).</summary>
    public const int MaxVarcharLength = 10_485_760;

    private static readonly HashSet<string> BaseFieldNames = new(StringComparer.OrdinalIgnoreCase) { "Id", "CreatedAt", "UpdatedAt", "IsDeleted", "CreatedBy" };

    public static IReadOnlyList<SafetyFinding> Check(EntityShape shape, IReadOnlyList<EntityShape> applied)
    {
        var findings = new List<SafetyFinding>();
        CheckEntityName(shape, findings);
        CheckIdentifier(shape.Table, $"table '{shape.Table}'", findings, table: true);
        CheckTableOwnership(shape, applied, findings);
        CheckSearchableTable(shape, findings);
        CheckFields(shape, applied, findings);
        var previous = applied.FirstOrDefault(e => e.Name == shape.Name);
        if (previous is not null)
        {
            CheckEvolution(previous, shape, findings);
        }

        return findings;
    }

    /// <summary>Whether a column of <paramref name="from"/> may become <paramref name="to"/> without PostgreSQL rewriting the table.</summary>
    public static bool IsSafeWidening(EntityField from, EntityField to) =>
        (from.Type == to.Type && (from.Type != FieldType.String || to.MaxLength >= from.MaxLength))
        || (from.Type == FieldType.String && to.Type == FieldType.Text);

    private static void CheckEntityName(EntityShape shape, List<SafetyFinding> findings)
    {
        if (!SchemaNames.IsEntityOrFieldName(shape.Name))
        {
            findings.Add(Error("entity-name", $"the entity name '{Clip(shape.Name)}' must match ^[A-Z][A-Za-z0-9]*$"));
        }
        else if (SchemaNames.ShadowedTypeNames.Contains(shape.Name))
        {
            findings.Add(Error("entity-name", $"the entity name '{shape.Name}' is the name of a type entity classes use"));
        }
        else if (SchemaNames.IsTooLong(shape.Name))
        {
            findings.Add(Error("identifier-too-long", $"the entity name '{Clip(shape.Name)}' is longer than {SchemaNames.MaxIdentifierBytes} bytes"));
        }
    }

    /// <summary>Rows with searchable fields are indexed under their table's name, which search_index.entity_type bounds.</summary>
    private static void CheckSearchableTable(EntityShape shape, List<SafetyFinding> findings)
    {
        if (shape.Fields.Any(f => f.Searchable) && shape.Table.Length > Search.Api.EntityTypeRules.MaxLength)
        {
            findings.Add(Error(
                "searchable-table-name",
                $"table '{Clip(shape.Table)}' has searchable fields, so its name is a search entity type and may have at most {Search.Api.EntityTypeRules.MaxLength} characters"));
        }
    }

    private static void CheckTableOwnership(EntityShape shape, IReadOnlyList<EntityShape> applied, List<SafetyFinding> findings)
    {
        var previous = applied.FirstOrDefault(e => e.Name == shape.Name);
        if (previous is not null && previous.Table != shape.Table)
        {
            findings.Add(Error("rename-table", $"{shape.Name} is stored in table '{previous.Table}'; renaming it to '{Clip(shape.Table)}' is not allowed"));
        }

        var owner = applied.FirstOrDefault(e => e.Table == shape.Table && e.Name != shape.Name);
        if (owner is not null)
        {
            findings.Add(Error("table-taken", $"table '{shape.Table}' already belongs to entity {owner.Name}"));
        }
    }

    private static void CheckFields(EntityShape shape, IReadOnlyList<EntityShape> applied, List<SafetyFinding> findings)
    {
        if (shape.Fields.Count > MaxFields)
        {
            findings.Add(Error("too-many-fields", $"an entity may declare at most {MaxFields} fields, not {shape.Fields.Count}"));
        }

        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var columns = new HashSet<string>(StringComparer.Ordinal);
        foreach (var field in shape.Fields)
        {
            var label = $"field '{Clip(field.Name)}'";
            if (!SchemaNames.IsEntityOrFieldName(field.Name))
            {
                findings.Add(Error("field-name", $"the {label} must match ^[A-Z][A-Za-z0-9]*$"));
                continue;
            }

            if (BaseFieldNames.Contains(field.Name))
            {
                findings.Add(Error("base-field", $"{field.Name} is a base field every entity already has"));
                continue;
            }

            if (field.Name == shape.Name)
            {
                findings.Add(Error("field-name", $"the {label} may not be named like its entity"));
            }

            if (!names.Add(field.Name) || !columns.Add(field.Column))
            {
                findings.Add(Error("duplicate-field", $"the {label} (column {field.Column}) is declared twice"));
            }

            CheckIdentifier(field.Column, $"column '{field.Column}' of {label}", findings, table: false);
            CheckType(field, label, findings);
            CheckReference(shape, field, applied, label, findings);
            if (field.Searchable && field.Type is not (FieldType.String or FieldType.Text))
            {
                findings.Add(Error("searchable-field", $"the {label} is {field.Type}; only string and text fields can be searchable"));
            }
        }
    }

    private static void CheckType(EntityField field, string label, List<SafetyFinding> findings)
    {
        if (field.Type == FieldType.String && field.MaxLength is not (>= 1 and <= MaxVarcharLength))
        {
            findings.Add(Error("max-length", $"the {label} is a string and needs a maxLength between 1 and {MaxVarcharLength} (or use type text)"));
        }
        else if (field.Type != FieldType.String && field.MaxLength is not null)
        {
            findings.Add(Error("max-length", $"the {label} is {field.Type}; only string fields take a maxLength"));
        }

        if (field.Default is { } json && !BidiControls.IsFreeJson(json))
        {
            findings.Add(Error("bidi-control", $"the default of the {label} contains a bidirectional control character (U+202A-U+202E, U+2066-U+2069, U+200E, U+200F or U+061C)"));
        }
        else if (field.Default is { } text && !FieldDefault.TryParse(text, field.Type, field.MaxLength, out _, out var error))
        {
            findings.Add(Error("default-value", $"the {label}: {error}"));
        }
    }

    private static void CheckReference(EntityShape shape, EntityField field, IReadOnlyList<EntityShape> applied, string label, List<SafetyFinding> findings)
    {
        if (field.References is not { } target)
        {
            return;
        }

        if (field.Type != FieldType.Uuid)
        {
            findings.Add(Error("reference-type", $"the {label} references {Clip(target)} and must therefore be of type uuid"));
        }

        if (target != shape.Name && applied.All(e => e.Name != target))
        {
            findings.Add(Error("reference-target", $"the {label} references '{Clip(target)}', which is not an applied dynamic entity (references to core tables are not supported)"));
        }

        CheckDerivedName(SchemaNames.ForeignKey(shape.Table, field.Column), findings);
        CheckDerivedName(SchemaNames.Index(shape.Table, field.Column), findings);
    }

    private static void CheckEvolution(EntityShape previous, EntityShape shape, List<SafetyFinding> findings)
    {
        foreach (var old in previous.Fields)
        {
            var now = shape.Fields.FirstOrDefault(f => f.Name == old.Name);
            var label = $"field '{old.Name}' of {shape.Name}";
            if (now is null)
            {
                findings.Add(Error("field-removed", $"the {label} was removed (a rename is a removal too); columns are never dropped, mark it \"deprecated\": true instead"));
                continue;
            }

            if (!IsSafeWidening(old, now))
            {
                findings.Add(Error("type-change", $"the {label} changes from {Describe(old)} to {Describe(now)}; only widening varchar(n) to varchar(m ≥ n) or text keeps the table unrewritten"));
            }

            if (now.Required && !old.Required)
            {
                findings.Add(Error("required-on-existing", $"the {label} becomes required; SET NOT NULL scans the whole table and fails on existing nulls"));
            }

            if (old.References is not null && now.References != old.References)
            {
                findings.Add(Error("reference-removed", $"the {label} referenced {old.References}; a foreign key is never dropped or retargeted"));
            }
        }

        foreach (var added in shape.Fields.Where(f => previous.Fields.All(p => p.Name != f.Name)))
        {
            if (added.Required && added.Default is null)
            {
                findings.Add(Error("required-without-default", $"the new field '{added.Name}' is required but has no default; existing rows of {shape.Table} would have no value (give it a default or make it optional)"));
            }
        }
    }

    private static void CheckIdentifier(string identifier, string label, List<SafetyFinding> findings, bool table)
    {
        if (!SchemaNames.IsPlainIdentifier(identifier))
        {
            findings.Add(Error("identifier", $"the {label} must be a plain identifier matching ^[a-z_][a-z0-9_]*$"));
        }
        else if (SchemaNames.IsTooLong(identifier))
        {
            findings.Add(Error("identifier-too-long", $"the {label} is longer than {SchemaNames.MaxIdentifierBytes} bytes"));
        }
        else if (SchemaNames.IsReservedWord(identifier))
        {
            findings.Add(Error("reserved-word", $"the {label} is a PostgreSQL reserved word"));
        }
        else if (table && SchemaNames.IsCoreTable(identifier))
        {
            findings.Add(Error("core-table", $"the {label} is a core table or uses a reserved prefix ({string.Join(", ", SchemaNames.ReservedTablePrefixes)})"));
        }
        else if (table)
        {
            CheckDerivedName(SchemaNames.PrimaryKey(identifier), findings);
        }
    }

    private static void CheckDerivedName(string name, List<SafetyFinding> findings)
    {
        if (SchemaNames.IsTooLong(name))
        {
            findings.Add(Error("identifier-too-long", $"the derived constraint or index name '{name}' would be longer than {SchemaNames.MaxIdentifierBytes} bytes; choose shorter names"));
        }
    }

    private static string Describe(EntityField field) =>
        field.Type == FieldType.String ? $"varchar({field.MaxLength})" : field.Type.ToString().ToLowerInvariant();

    private static SafetyFinding Error(string rule, string message) => new(rule, SafetyFinding.Error, message);

    private static string Clip(string text) => text.Length > 60 ? text[..60] + "…" : text;
}
