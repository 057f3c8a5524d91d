namespace Monolith.Schema;

/// <summary>The columns every dynamic table carries, from the DynamicEntity base.</summary>
public static class BaseColumns
{
    public const string Id = "id";
    public const string CreatedAt = "created_at";
    public const string UpdatedAt = "updated_at";
    public const string IsDeleted = "is_deleted";
    public const string CreatedBy = "created_by";

    public static IReadOnlyList<string> All { get; } = [Id, CreatedAt, UpdatedAt, IsDeleted, CreatedBy];
}
