using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Monolith.Schema;

namespace Monolith.Mechanic;

/// <summary>
/// Maps dynamic entity shapes onto an EF model. The same mapping serves the new schema (with the compiled CLR types) and
/// the previous one (property bags rebuilt from the JSON snapshot), so the two relational models differ only where the
/// shapes do.
/// </summary>
public static class DynamicModel
{
    public const string DeprecatedComment = "deprecated";
    public const string RetiredComment = "retired";

    /// <param name="clrType">The compiled entity type by name, or null to map property bags (the previous model).</param>
    public static void Configure(ModelBuilder modelBuilder, IReadOnlyList<EntityShape> entities, Func<string, Type>? clrType)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        ArgumentNullException.ThrowIfNull(entities);
        // Every entity type exists before any relationship names one, so a reference never creates a stray entity type.
        var builders = entities.ToDictionary(
            e => e.Name,
            e => clrType is null
                ? modelBuilder.SharedTypeEntity<Dictionary<string, object>>(e.Name)
                : modelBuilder.Entity(clrType(e.Name)));
        foreach (var shape in entities)
        {
            ConfigureEntity(builders[shape.Name], shape);
        }

        foreach (var shape in entities)
        {
            foreach (var field in shape.Fields.Where(f => f.References is not null))
            {
                var builder = builders[shape.Name];
                var principal = builders[field.References!].Metadata;
                builder.HasOne(principal.Name, navigationName: null).WithMany().HasForeignKey(field.Name)
                    .HasConstraintName(SchemaNames.ForeignKey(shape.Table, field.Column))
                    .OnDelete(DeleteBehavior.Restrict);
            }
        }
    }

    /// <summary>The CLR type a field maps to.</summary>
    public static Type ClrType(EntityField field)
    {
        var type = field.Type switch
        {
            FieldType.String or FieldType.Text or FieldType.Json => typeof(string),
            FieldType.Int => typeof(int),
            FieldType.BigInt => typeof(long),
            FieldType.Decimal => typeof(decimal),
            FieldType.Bool => typeof(bool),
            FieldType.DateTime => typeof(DateTime),
            FieldType.Date => typeof(DateOnly),
            FieldType.Uuid => typeof(Guid),
            _ => throw new ArgumentOutOfRangeException(nameof(field), field.Type, "unknown field type"),
        };
        return field.Required || !type.IsValueType ? type : typeof(Nullable<>).MakeGenericType(type);
    }

    /// <summary>The PostgreSQL column type of a field.</summary>
    public static string ColumnType(EntityField field) => field.Type switch
    {
        FieldType.String => $"character varying({field.MaxLength})",
        FieldType.Text => "text",
        FieldType.Int => "integer",
        FieldType.BigInt => "bigint",
        FieldType.Decimal => "numeric",
        FieldType.Bool => "boolean",
        FieldType.DateTime => "timestamp with time zone",
        FieldType.Date => "date",
        FieldType.Uuid => "uuid",
        FieldType.Json => "jsonb",
        _ => throw new ArgumentOutOfRangeException(nameof(field), field.Type, "unknown field type"),
    };

    private static void ConfigureEntity(EntityTypeBuilder builder, EntityShape shape)
    {
        builder.ToTable(shape.Table, table => table.HasComment(shape.Retired ? RetiredComment : null));
        builder.Property<Guid>("Id").HasColumnName(BaseColumns.Id).HasColumnType("uuid").HasDefaultValueSql("gen_random_uuid()");
        builder.Property<DateTime>("CreatedAt").HasColumnName(BaseColumns.CreatedAt).HasColumnType("timestamp with time zone").HasDefaultValueSql("now()");
        builder.Property<DateTime>("UpdatedAt").HasColumnName(BaseColumns.UpdatedAt).HasColumnType("timestamp with time zone").HasDefaultValueSql("now()");
        builder.Property<bool>("IsDeleted").HasColumnName(BaseColumns.IsDeleted).HasColumnType("boolean").HasDefaultValue(false);
        builder.Property<long?>("CreatedBy").HasColumnName(BaseColumns.CreatedBy).HasColumnType("bigint");
        builder.HasKey("Id").HasName(SchemaNames.PrimaryKey(shape.Table));

        foreach (var field in shape.Fields)
        {
            var property = builder.Property(ClrType(field), field.Name)
                .HasColumnName(field.Column)
                .HasColumnType(ColumnType(field))
                .IsRequired(field.Required)
                .HasComment(field.Deprecated ? DeprecatedComment : null);
            if (field.Default is { } json && FieldDefault.TryParse(json, field.Type, field.MaxLength, out var value, out _))
            {
                // Text is written by SqlLiteral, not by EF's string mapping, whose '…' constants a server with
                // standard_conforming_strings off reads differently (a backslash would end the string early).
                if (value is string text)
                {
                    property.HasDefaultValueSql(SqlLiteral.Text(text));
                }
                else
                {
                    property.HasDefaultValue(value);
                }
            }

            if (field.References is not null)
            {
                builder.HasIndex(field.Name).HasDatabaseName(SchemaNames.Index(shape.Table, field.Column));
            }
        }
    }
}
