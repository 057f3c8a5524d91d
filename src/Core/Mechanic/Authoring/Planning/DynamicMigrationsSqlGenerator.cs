using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Migrations;

namespace Monolith.Mechanic;

/// <summary>
/// Npgsql's migration SQL, except that a default which is a text constant written by <see cref="SqlLiteral"/> is emitted
/// as the constant itself: Npgsql wraps every SQL default in parentheses, and squawk (rightly, for an arbitrary
/// expression) takes a parenthesized default on an added column for one that rewrites the table.
/// </summary>
#pragma warning disable EF1001 // Npgsql's generator takes its (internal) singleton options; this type only passes them on.
public sealed class DynamicMigrationsSqlGenerator(
    MigrationsSqlGeneratorDependencies dependencies,
    Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure.Internal.INpgsqlSingletonOptions options)
    : NpgsqlMigrationsSqlGenerator(dependencies, options)
#pragma warning restore EF1001
{
    protected override void DefaultValue(object? defaultValue, string? defaultValueSql, string? columnType, MigrationCommandListBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (defaultValueSql is not null && SqlLiteral.IsText(defaultValueSql))
        {
            builder.Append(" DEFAULT ").Append(defaultValueSql);
            return;
        }

        base.DefaultValue(defaultValue, defaultValueSql, columnType, builder);
    }
}
