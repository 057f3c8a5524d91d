using System.Text.Json;
using FluentValidation;
using Monolith.Http;

namespace Monolith.Checkpoints;

/// <summary>Validates a checkpoint put: printable keys, a JSON object checkpoint whose channel versions are keys, and metadata.</summary>
public sealed class PutCheckpointValidator : AbstractValidator<PutCheckpointRequest>
{
    public const string ReservedId = "latest";

    public PutCheckpointValidator()
    {
        RuleFor(r => r.ThreadId).RequiredCheckpointKey();
        // GET .../checkpoints/latest is the latest-checkpoint route, so a checkpoint with that id could never be read back.
        RuleFor(r => r.CheckpointId).RequiredCheckpointKey()
            .NotEqual(ReservedId).WithMessage($"'checkpointId' must not be '{ReservedId}': that name is the latest-checkpoint route.");
        RuleFor(r => r.Body.ParentId).CheckpointKey().OverridePropertyName("parentId");
        RuleFor(r => r.Body.Ns).CheckpointKey().OverridePropertyName("ns");
        RuleFor(r => r.Body.Checkpoint)
            .Must(c => c.ValueKind == JsonValueKind.Object)
            .OverridePropertyName("checkpoint")
            .WithMessage("'checkpoint' is required and must be a JSON object.");
        // A channel and its version key a stored value; they follow the rules of every other key.
        RuleFor(r => r.Body.Checkpoint)
            .Must(HasKeyableVersions)
            .When(r => r.Body.Checkpoint.ValueKind == JsonValueKind.Object)
            .OverridePropertyName("checkpoint.channel_versions")
            .WithMessage($"'checkpoint.channel_versions' must map channel names to versions (strings or numbers), each at most {CheckpointKeyRules.MaxLength} printable characters.");
        // LangGraph's checkpoint.id is the checkpoint id; the store keeps it once, in the key, and reads return it.
        RuleFor(r => r.Body.Checkpoint)
            .Must((r, c) => !c.TryGetProperty("id", out var id) || (id.ValueKind == JsonValueKind.String && id.GetString() == r.CheckpointId))
            .When(r => r.Body.Checkpoint.ValueKind == JsonValueKind.Object)
            .OverridePropertyName("checkpoint.id")
            .WithMessage("'checkpoint.id', when present, must be the checkpoint id of the address.");
        RuleFor(r => r.Body.Metadata)
            .Must(m => m is null || m.Value.ValueKind == JsonValueKind.Object)
            .OverridePropertyName("metadata")
            .WithMessage("'metadata' must be a JSON object.");
    }

    private static bool HasKeyableVersions(JsonElement checkpoint)
    {
        if (!checkpoint.TryGetProperty("channel_versions", out var versions) || versions.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        return versions.ValueKind == JsonValueKind.Object && versions.EnumerateObject().All(v =>
            IsKey(v.Name) && v.Value.ValueKind switch
            {
                JsonValueKind.String => IsKey(v.Value.GetString()!),
                JsonValueKind.Number => v.Value.GetRawText().Length <= CheckpointKeyRules.MaxLength,
                _ => false,
            });
    }

    private static bool IsKey(string text) =>
        text.Length is > 0 and <= CheckpointKeyRules.MaxLength && WellFormedText.IsWellFormed(text, allowLineBreaks: false);
}
