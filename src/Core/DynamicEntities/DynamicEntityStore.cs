using System.Text.Json;
using System.Text.Json.Nodes;
using FluentValidation;
using Monolith.Http;
using Monolith.Schema;
using Npgsql;
using NpgsqlTypes;

namespace Monolith.DynamicEntities;

/// <summary>Reads and writes the rows of dynamic entities with SQL generated from one schema version's shapes.</summary>
public sealed class DynamicEntityStore(NpgsqlDataSource dataSource, EntityValidators validators)
{
    private static readonly string Id = EntitySql.Quote(BaseColumns.Id);
    private static readonly string CreatedAt = EntitySql.Quote(BaseColumns.CreatedAt);
    private static readonly string UpdatedAt = EntitySql.Quote(BaseColumns.UpdatedAt);
    private static readonly string IsDeleted = EntitySql.Quote(BaseColumns.IsDeleted);
    private static readonly string CreatedBy = EntitySql.Quote(BaseColumns.CreatedBy);

    /// <summary>The live entity stored in a table.</summary>
    /// <exception cref="NotFoundException">No entity has that table.</exception>
    /// <exception cref="GoneException">The entity is retired.</exception>
    public static EntityShape Resolve(SchemaVersion version, string table)
    {
        var entity = EntityTable.Find(version, table);
        return entity.Shape
            ?? throw (entity.Missing is { } missing ? new NotFoundException(missing.Value.Detail!) : new GoneException(entity.Retired!.Value.Detail!));
    }

    /// <summary>Live rows newest first, optionally only one user's.</summary>
    public async Task<Page<JsonObject>> ListAsync(
        EntityShape shape, EntityListQuery query, CancellationToken cancellationToken, IReadOnlyList<EntityFieldFilter>? filters = null)
    {
        var limit = PageCursor.Limit(query.Limit);
        var after = PageCursor.Decode<RowCursor>(query.Cursor);
        await using var command = dataSource.CreateCommand();
        var sql = $"SELECT {EntitySql.Columns(shape)} FROM {EntitySql.Quote(shape.Table)} WHERE NOT {IsDeleted}";
        if (query.CreatedBy is { } owner)
        {
            sql += $" AND {CreatedBy} = {Add(command, owner, NpgsqlDbType.Bigint)}";
        }

        foreach (var filter in filters ?? [])
        {
            var column = EntitySql.Quote(filter.Field.Column);
            sql += filter.Contains
                ? $" AND {column} ILIKE '%' || {Add(command, EscapeLike((string)filter.Value), NpgsqlDbType.Text)} || '%'"
                : $" AND {column} = {Add(command, filter.Value, FieldCodec.DbType(filter.Field.Type))}";
        }

        if (after is not null)
        {
            var createdAt = after.CreatedAt.Kind == DateTimeKind.Local ? after.CreatedAt.ToUniversalTime() : DateTime.SpecifyKind(after.CreatedAt, DateTimeKind.Utc);
            sql += $" AND ({CreatedAt}, {Id}) < ({Add(command, createdAt, NpgsqlDbType.TimestampTz)}, {Add(command, after.Id, NpgsqlDbType.Uuid)})";
        }

        command.CommandText = sql + $" ORDER BY {CreatedAt} DESC, {Id} DESC LIMIT {Add(command, limit + 1, NpgsqlDbType.Integer)}";
        var rows = new List<(JsonObject Row, RowCursor Key)>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add((ReadRow(shape, reader), new RowCursor(reader.GetFieldValue<DateTime>(1), reader.GetGuid(0))));
            }
        }

        return PageCursor.ToPage(rows, limit, r => r.Row, r => r.Key);
    }

    /// <exception cref="NotFoundException">No live row has that id (created by <paramref name="owner"/> when given).</exception>
    public async Task<JsonObject> GetAsync(EntityShape shape, Guid id, long? owner, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand();
        command.CommandText = $"SELECT {EntitySql.Columns(shape)} FROM {EntitySql.Quote(shape.Table)} " +
            $"WHERE {Id} = {Add(command, id, NpgsqlDbType.Uuid)} AND NOT {IsDeleted}{OwnedBy(command, owner)}";
        return await ReadSingleAsync(shape, command, id, cancellationToken);
    }

    /// <exception cref="ValidationException">The body does not fit the entity's declared fields.</exception>
    public async Task<JsonObject> CreateAsync(SchemaVersion version, EntityShape shape, EntityInput input, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var owner = input.Value(EntityInputValidator.CreatedBy) is { ValueKind: JsonValueKind.Number } sent && sent.TryGetInt64(out var user) ? user : (long?)null;
        await ValidateAsync(version, shape, input, EntityWriteMode.Create, owner, transaction, cancellationToken);

        await using var command = new NpgsqlCommand(null, connection, transaction);
        var columns = new List<string> { CreatedBy };
        var values = new List<string> { Add(command, input.Value(EntityInputValidator.CreatedBy)!.Value.GetInt64(), NpgsqlDbType.Bigint) };
        foreach (var (field, value) in Sent(shape, input))
        {
            columns.Add(EntitySql.Quote(field.Column));
            values.Add(Add(command, value, FieldCodec.DbType(field.Type)));
        }

        command.CommandText = $"INSERT INTO {EntitySql.Quote(shape.Table)} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", values)}) " +
            $"RETURNING {EntitySql.Columns(shape)}";
        var row = await ReadSingleAsync(shape, command, Guid.Empty, cancellationToken);
        if (EntitySearchSync.HasSearchableFields(shape))
        {
            await EntitySearchSync.WriteAsync(shape, row, transaction, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return row;
    }

    /// <summary>Changes the fields the body sends; the others keep their values. A row <paramref name="owner"/> (when given) did not create is not found.</summary>
    public async Task<JsonObject> PatchAsync(SchemaVersion version, EntityShape shape, Guid id, long? owner, EntityInput input, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ValidateAsync(version, shape, input, EntityWriteMode.Patch, await RowOwnerAsync(shape, id, transaction, cancellationToken), transaction, cancellationToken);

        await using var command = new NpgsqlCommand(null, connection, transaction);
        var assignments = new List<string> { $"{UpdatedAt} = now()" };
        var sent = Sent(shape, input).ToList();
        foreach (var (field, value) in sent)
        {
            assignments.Add($"{EntitySql.Quote(field.Column)} = {Add(command, value, FieldCodec.DbType(field.Type))}");
        }

        command.CommandText = $"UPDATE {EntitySql.Quote(shape.Table)} SET {string.Join(", ", assignments)} " +
            $"WHERE {Id} = {Add(command, id, NpgsqlDbType.Uuid)} AND NOT {IsDeleted}{OwnedBy(command, owner)} RETURNING {EntitySql.Columns(shape)}";
        var row = await ReadSingleAsync(shape, command, id, cancellationToken);
        if (sent.Any(s => s.Field.Searchable))
        {
            await EntitySearchSync.WriteAsync(shape, row, transaction, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return row;
    }

    /// <summary>Soft-deletes a live row and takes it out of search.</summary>
    /// <exception cref="NotFoundException">No live row has that id (created by <paramref name="owner"/> when given).</exception>
    public async Task DeleteAsync(EntityShape shape, Guid id, long? owner, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(null, connection, transaction);
        command.CommandText = $"UPDATE {EntitySql.Quote(shape.Table)} SET {IsDeleted} = true, {UpdatedAt} = now() " +
            $"WHERE {Id} = {Add(command, id, NpgsqlDbType.Uuid)} AND NOT {IsDeleted}{OwnedBy(command, owner)}";
        if (await command.ExecuteNonQueryAsync(cancellationToken) == 0)
        {
            throw NotFound(shape, id);
        }

        await EntitySearchSync.RemoveAsync(shape, id, transaction, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The user a patched row belongs to (createdBy never changes), for its reference checks; null for a missing row, which the UPDATE then answers 404.</summary>
    private static async Task<long?> RowOwnerAsync(EntityShape shape, Guid id, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(null, transaction.Connection, transaction);
        command.CommandText = $"SELECT {CreatedBy} FROM {EntitySql.Quote(shape.Table)} WHERE {Id} = {Add(command, id, NpgsqlDbType.Uuid)} AND NOT {IsDeleted}";
        return await command.ExecuteScalarAsync(cancellationToken) is long owner ? owner : null;
    }

    private async Task ValidateAsync(
        SchemaVersion version, EntityShape shape, EntityInput input, EntityWriteMode mode, long? owner, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        var context = new ValidationContext<EntityInput>(input);
        context.RootContextData[EntityInputValidator.TransactionKey] = transaction;
        context.RootContextData[EntityInputValidator.OwnerKey] = owner;
        var result = await validators.For(version, shape, mode).ValidateAsync(context, cancellationToken);
        if (!result.IsValid)
        {
            throw new ValidationException(result.Errors);
        }
    }

    /// <summary>The declared fields the (validated) body sends, with their parameter values.</summary>
    private static IEnumerable<(EntityField Field, object Value)> Sent(EntityShape shape, EntityInput input)
    {
        foreach (var field in shape.Fields)
        {
            if (input.Value(FieldCodec.JsonName(field)) is { } value)
            {
                FieldCodec.TryConvert(field, value, out var converted, out _);
                yield return (field, converted);
            }
        }
    }

    private static async Task<JsonObject> ReadSingleAsync(EntityShape shape, NpgsqlCommand command, Guid id, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadRow(shape, reader) : throw NotFound(shape, id);
    }

    private static JsonObject ReadRow(EntityShape shape, NpgsqlDataReader reader)
    {
        var row = new JsonObject
        {
            ["id"] = reader.GetGuid(0),
            ["createdAt"] = DateTime.SpecifyKind(reader.GetFieldValue<DateTime>(1), DateTimeKind.Utc),
            ["updatedAt"] = DateTime.SpecifyKind(reader.GetFieldValue<DateTime>(2), DateTimeKind.Utc),
            ["createdBy"] = reader.IsDBNull(3) ? null : reader.GetInt64(3),
        };
        for (var i = 0; i < shape.Fields.Count; i++)
        {
            row[FieldCodec.JsonName(shape.Fields[i])] = FieldCodec.Read(reader, EntitySql.FirstFieldOrdinal + i, shape.Fields[i].Type);
        }

        return row;
    }

    private static string Add(NpgsqlCommand command, object value, NpgsqlDbType type)
    {
        command.Parameters.Add(new NpgsqlParameter { Value = value, NpgsqlDbType = type });
        return "$" + command.Parameters.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The owner condition when the caller names its user: another user's row then looks like a missing one.</summary>
    private static string OwnedBy(NpgsqlCommand command, long? owner) =>
        owner is { } user ? $" AND {CreatedBy} = {Add(command, user, NpgsqlDbType.Bigint)}" : string.Empty;

    private static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);

    private static NotFoundException NotFound(EntityShape shape, Guid id) => new($"{shape.Name} {id} does not exist or was deleted.");

    private sealed record RowCursor(DateTime CreatedAt, Guid Id);
}
