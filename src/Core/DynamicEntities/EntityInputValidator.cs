using System.Text.Json;
using FluentValidation;
using Monolith.Schema;
using Npgsql;

namespace Monolith.DynamicEntities;

/// <summary>Validates a dynamic entity body against the fields the entity declares in one schema version.</summary>
/// <remarks>
/// Reference checks read the referenced table inside the write's transaction, passed as <see cref="TransactionKey"/> in
/// the root context data, with the user the written row belongs to as <see cref="OwnerKey"/>: a row may reference only
/// rows of the same user.
/// </remarks>
public sealed class EntityInputValidator : AbstractValidator<EntityInput>
{
    public const string TransactionKey = "transaction";
    public const string OwnerKey = "owner";
    public const string CreatedBy = "createdBy";

    private static readonly HashSet<string> ServiceSetFields = new(StringComparer.Ordinal) { "id", "createdAt", "updatedAt", "isDeleted" };

    public EntityInputValidator(SchemaVersion version, EntityShape shape, EntityWriteMode mode)
    {
        var declared = shape.Fields.ToDictionary(FieldCodec.JsonName, StringComparer.Ordinal);
        RuleFor(input => input).Custom((input, context) =>
        {
            foreach (var name in input.Values.Keys.Where(name => !declared.ContainsKey(name)))
            {
                var message = name switch
                {
                    _ when ServiceSetFields.Contains(name) => $"{name} is set by the service and cannot be written.",
                    CreatedBy when mode == EntityWriteMode.Patch => "createdBy cannot be changed after the row is created.",
                    CreatedBy => null,
                    _ => $"{name} is not a field of {shape.Name}.",
                };
                if (message is not null)
                {
                    context.AddFailure(name, message);
                }
            }
        });

        if (mode == EntityWriteMode.Create)
        {
            RuleFor(input => input.Value(CreatedBy))
                .Must(value => value is { ValueKind: JsonValueKind.Number } number && number.TryGetInt64(out var owner) && owner > 0)
                .OverridePropertyName(CreatedBy)
                .WithMessage("createdBy is required: the id of the user the row belongs to (a positive 64-bit whole number, as userId elsewhere).");
        }

        foreach (var (jsonName, field) in declared)
        {
            RuleFor(input => input).Custom((input, context) => CheckValue(field, jsonName, mode, input.Value(jsonName), context));
            if (field.References is { } referenced)
            {
                var target = version.ByName(referenced);
                RuleFor(input => input).CustomAsync((input, context, cancellationToken) =>
                    CheckReferenceAsync(target, referenced, jsonName, input.Value(jsonName), context, cancellationToken));
            }
        }
    }

    private static void CheckValue(EntityField field, string jsonName, EntityWriteMode mode, JsonElement? value, ValidationContext<EntityInput> context)
    {
        if (value is not { } sent)
        {
            if (mode == EntityWriteMode.Create && field.Required && field.Default is null)
            {
                context.AddFailure(jsonName, $"{jsonName} is required.");
            }

            return;
        }

        if (sent.ValueKind == JsonValueKind.Null)
        {
            if (field.Required)
            {
                context.AddFailure(jsonName, $"{jsonName} is required and cannot be null.");
            }

            return;
        }

        if (!FieldCodec.TryConvert(field, sent, out _, out var error))
        {
            context.AddFailure(jsonName, $"{jsonName} {error}.");
        }
    }

    private static async Task CheckReferenceAsync(
        EntityShape? target, string referenced, string jsonName, JsonElement? value, ValidationContext<EntityInput> context, CancellationToken cancellationToken)
    {
        if (value is not { ValueKind: JsonValueKind.String } sent || !Guid.TryParse(sent.GetString(), out var id))
        {
            return;
        }

        if (target is null)
        {
            context.AddFailure(jsonName, $"{jsonName} refers to {referenced}, which is not an entity of this schema.");
            return;
        }

        var transaction = (NpgsqlTransaction)context.RootContextData[TransactionKey];
        var owner = context.RootContextData.TryGetValue(OwnerKey, out var known) ? known as long? : null;
        // FOR SHARE makes a concurrent soft delete of the referenced row wait until this write commits. Another user's
        // row answers exactly as a missing one, so the check does not tell whether an id exists.
        await using var command = new NpgsqlCommand(
            $"SELECT 1 FROM {EntitySql.Quote(target.Table)} WHERE {EntitySql.Quote(BaseColumns.Id)} = $1 AND NOT {EntitySql.Quote(BaseColumns.IsDeleted)} " +
            $"AND {EntitySql.Quote(BaseColumns.CreatedBy)} IS NOT DISTINCT FROM $2 FOR SHARE",
            transaction.Connection,
            transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        command.Parameters.Add(new NpgsqlParameter { Value = owner is { } user ? user : DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Bigint });
        if (await command.ExecuteScalarAsync(cancellationToken) is null)
        {
            context.AddFailure(jsonName, $"{jsonName} must be the id of an existing {referenced} of the same user (createdBy); {id} is not one.");
        }
    }
}
