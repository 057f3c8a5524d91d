using System.Text.Json;
using FluentValidation;

namespace Monolith.Checkpoints;

/// <summary>Validates a checkpoint put: printable keys, a JSON object checkpoint and metadata.</summary>
public sealed class PutCheckpointRequestValidator : AbstractValidator<PutCheckpointRequest>
{
    public const string ReservedId = "latest";

    public PutCheckpointRequestValidator()
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
        RuleFor(r => r.Body.Metadata)
            .Must(m => m is null || m.Value.ValueKind == JsonValueKind.Object)
            .OverridePropertyName("metadata")
            .WithMessage("'metadata' must be a JSON object.");
    }
}
