using Microsoft.CodeAnalysis;
using Monolith.Schema;

namespace Monolith.Mechanic;

/// <summary>Reads an entity's shape from its compiled symbol (the semantic model), never from a loaded type.</summary>
public static class EntitySymbolReader
{
    /// <param name="knownTable">The table an existing entity already has, used when the class names none.</param>
    public static EntityShape Read(INamedTypeSymbol type, string? knownTable, List<SafetyFinding> findings)
    {
        var table = StringArgument(Find(type, "TableAttribute")) ?? knownTable ?? SchemaNames.Table(type.Name);
        var fields = new List<EntityField>();
        foreach (var property in type.GetMembers().OfType<IPropertySymbol>())
        {
            var field = ReadField(property, findings);
            if (field is not null)
            {
                fields.Add(field);
            }
        }

        return new EntityShape(type.Name, table, fields, Find(type, "RetiredAttribute") is not null);
    }

    /// <summary>Every entity class of a compiled schema, by name.</summary>
    public static IEnumerable<INamedTypeSymbol> Entities(Compilation compilation) =>
        compilation.Assembly.GlobalNamespace.GetTypeMembers()
            .Where(t => t.TypeKind == TypeKind.Class && t.BaseType?.ToDisplayString() == "Monolith.Dynamic.DynamicEntity")
            .OrderBy(t => t.Name, StringComparer.Ordinal);

    private static EntityField? ReadField(IPropertySymbol property, List<SafetyFinding> findings)
    {
        var type = property.Type;
        var nullable = type.NullableAnnotation == NullableAnnotation.Annotated;
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } wrapper)
        {
            type = wrapper.TypeArguments[0];
            nullable = true;
        }

        var maxLength = Find(property, "MaxLengthAttribute") is { ConstructorArguments: [{ Value: int length }] } ? length : (int?)null;
        var isJson = Find(property, "JsonAttribute") is not null;
        FieldType? fieldType = type.SpecialType switch
        {
            SpecialType.System_String when isJson => FieldType.Json,
            SpecialType.System_String => maxLength is null ? FieldType.Text : FieldType.String,
            SpecialType.System_Int32 => FieldType.Int,
            SpecialType.System_Int64 => FieldType.BigInt,
            SpecialType.System_Decimal => FieldType.Decimal,
            SpecialType.System_Boolean => FieldType.Bool,
            SpecialType.System_DateTime => FieldType.DateTime,
            _ => type.ToDisplayString() switch
            {
                "System.DateOnly" => FieldType.Date,
                "System.Guid" => FieldType.Uuid,
                _ => null,
            },
        };

        var line = property.Locations.FirstOrDefault() is { IsInSource: true } location ? EntitySyntaxRules.Line(location) : (int?)null;
        if (fieldType is null)
        {
            findings.Add(new SafetyFinding("property-type", SafetyFinding.Error, $"the property {property.Name} has the type {property.Type.ToDisplayString()}, which is not a field type", line));
            return null;
        }

        if (isJson && maxLength is not null)
        {
            findings.Add(new SafetyFinding("attribute-misuse", SafetyFinding.Error, $"the property {property.Name} is [Json] and cannot also have [MaxLength]", line));
        }
        else if (isJson && type.SpecialType != SpecialType.System_String)
        {
            findings.Add(new SafetyFinding("attribute-misuse", SafetyFinding.Error, $"[Json] needs a string property, not {property.Name}'s {property.Type.ToDisplayString()}", line));
        }

        var reference = Find(property, "ReferencesAttribute") is { ConstructorArguments: [var target] }
            ? target.Value switch
            {
                ITypeSymbol referenced => referenced.Name,
                string name => name,
                _ => null,
            }
            : null;

        var markedRequired = Find(property, "RequiredAttribute") is not null;
        if (markedRequired && nullable && type.IsValueType)
        {
            findings.Add(new SafetyFinding("attribute-misuse", SafetyFinding.Error, $"the property {property.Name} is [Required] but nullable; a required {type.ToDisplayString()} is written without '?'", line));
        }

        var required = markedRequired || !nullable;
        return new EntityField(
            property.Name,
            SchemaNames.Column(property.Name),
            fieldType.Value,
            maxLength,
            required,
            StringArgument(Find(property, "DefaultAttribute")),
            reference,
            Find(property, "SearchableAttribute") is not null,
            Find(property, "DeprecatedAttribute") is not null);
    }

    private static AttributeData? Find(ISymbol symbol, string attribute) =>
        symbol.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == $"Monolith.Dynamic.{attribute}");

    private static string? StringArgument(AttributeData? attribute) =>
        attribute is { ConstructorArguments: [{ Value: string value }] } ? value : null;
}
