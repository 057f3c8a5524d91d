using System.Text.Json;
using FluentValidation;
using Monolith.Http;

namespace Monolith.Checkpoints;

/// <summary>Validates pending writes: a task id, an optional task path, and up to 1,000 writes, each with a channel and a value.</summary>
public sealed class PutWritesValidator : AbstractValidator<PutWritesRequest>
{
    public const int MaxWrites = 1000;

    /// <summary>LangGraph's task paths grow with subgraph depth; 1,000 characters leaves room for deep nesting.</summary>
    public const int MaxTaskPathLength = 1000;

    public PutWritesValidator()
    {
        RuleFor(r => r.ThreadId).RequiredCheckpointKey();
        RuleFor(r => r.CheckpointId).RequiredCheckpointKey();
        RuleFor(r => r.Body.TaskId).RequiredCheckpointKey().OverridePropertyName("taskId");
        RuleFor(r => r.Body.TaskPath).MaximumLength(MaxTaskPathLength).SingleLine().OverridePropertyName("taskPath");
        RuleFor(r => r.Body.Ns).CheckpointKey().OverridePropertyName("ns");
        RuleFor(r => r.Body.Writes).NotNull().OverridePropertyName("writes")
            .Must(w => w is null || w.Count <= MaxWrites).WithMessage($"'writes' may hold at most {MaxWrites} writes.");
        RuleForEach(r => r.Body.Writes).NotNull().ChildRules(write =>
        {
            write.RuleFor(w => w.Channel).RequiredCheckpointKey();
            write.RuleFor(w => w.Value).Must(v => v.ValueKind != JsonValueKind.Undefined)
                .WithMessage("'value' is required (JSON null is allowed).");
        }).OverridePropertyName("writes");
    }
}
