using Monolith.Schema;

namespace Monolith.DynamicEntities;

/// <summary>A list filter on one declared field: text fields match when they contain the value (case-insensitive), others when equal.</summary>
/// <param name="Value">The value converted for the field's column (see <see cref="FieldCodec.TryConvert"/>).</param>
public sealed record EntityFieldFilter(EntityField Field, object Value)
{
    public bool Contains => Field.Type is FieldType.String or FieldType.Text;
}
