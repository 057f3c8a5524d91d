using FluentValidation;
using Monolith.Http;

namespace Monolith.Checkpoints;

/// <summary>Rules for thread ids, checkpoint ids, namespaces, task ids and channels: at most 255 printable characters.</summary>
public static class CheckpointKeyRules
{
    public const int MaxLength = 255;

    public static IRuleBuilderOptions<T, string?> CheckpointKey<T>(this IRuleBuilder<T, string?> rule) =>
        rule.MaximumLength(MaxLength).SingleLine();

    public static IRuleBuilderOptions<T, string?> RequiredCheckpointKey<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty().CheckpointKey();
}
