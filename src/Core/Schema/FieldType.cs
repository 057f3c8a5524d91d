namespace Monolith.Schema;

/// <summary>The field types a dynamic entity may declare (docs/mechanic.md lists them with their PostgreSQL types).</summary>
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
