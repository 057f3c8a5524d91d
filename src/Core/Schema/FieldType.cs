namespace Monolith.Schema;

/// <summary>The field types a dynamic entity may declare (SPEC §4).</summary>
public enum FieldType
{
    String,
    Text,
    Int,
    BigInt,
    Decimal,
    Bool,
    DateTime,
    Date,
    Uuid,
    Json,
}
