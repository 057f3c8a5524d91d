using System.Text;
using System.Text.Json;
using FluentValidation;
using Monolith.Http;

namespace Monolith.Mechanic;

/// <summary>The structure of a change request (instruction, actor, and entity or source); whether the change is safe is the draft's findings, not a 400.</summary>
public sealed class ChangeRequestValidator : AbstractValidator<ChangeRequest>
{
    public const int MaxSourceBytes = 64 * 1024;

    /// <summary>Reviewers read the instruction and the actor; bidirectional controls would make them read something else.</summary>
    public const string NoBidiControls = "'{PropertyName}' must not contain bidirectional control characters (U+202A-U+202E, U+2066-U+2069, U+200E, U+200F, U+061C).";

    public ChangeRequestValidator()
    {
        RuleFor(r => r.Instruction).NotEmpty().MaximumLength(4000).FreeText();
        // The actor is written on one line of the commit's trailer block and the audit row: a line break could forge one.
        RuleFor(r => r.Actor).NotEmpty().MaximumLength(100).SingleLine();
        RuleFor(r => r.Instruction).Must(BidiControls.IsFree).WithMessage(NoBidiControls);
        RuleFor(r => r.Actor).Must(BidiControls.IsFree).WithMessage(NoBidiControls);
        RuleFor(r => r.Entity)
            .Must(e => e is null || e.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Null)
            .WithMessage("entity must be a JSON object.");
        RuleFor(r => r.Source)
            .Must(s => s is null || Encoding.UTF8.GetByteCount(s) <= MaxSourceBytes)
            .WithMessage($"source must be at most {MaxSourceBytes} bytes.")
            .Must(s => s is null || s.Trim().Length > 0)
            .WithMessage("source must not be empty.");
        RuleFor(r => r)
            .Must(r => HasEntity(r) ^ (r.Source is not null))
            .WithName("entity")
            .OverridePropertyName("entity")
            .WithMessage("Send exactly one of entity (the structured entity) and source (the C# class).");
    }

    private static bool HasEntity(ChangeRequest request) => request.Entity is { ValueKind: not JsonValueKind.Null and not JsonValueKind.Undefined };
}
