using System.Text.Json;
using FluentValidation;
using Monolith.Http;

namespace Monolith.Registry;

/// <summary>Validates a tool call: arguments is a JSON object, result is present (null allowed), a non-negative time.</summary>
public sealed class RecordToolUsageRequestValidator : AbstractValidator<RecordToolUsageRequest>
{
    public const int MaxServerNameLength = 100;

    public RecordToolUsageRequestValidator()
    {
        RuleFor(r => r.Body.Arguments).Must(a => a.ValueKind == JsonValueKind.Object).OverridePropertyName("arguments")
            .WithMessage("'arguments' is required and must be a JSON object.");
        RuleFor(r => r.Body.Result).Must(a => a.ValueKind != JsonValueKind.Undefined).OverridePropertyName("result")
            .WithMessage("'result' is required (JSON null is allowed).");
        RuleFor(r => r.Body.ExecutionTimeMs).NotNull().GreaterThanOrEqualTo(0).OverridePropertyName("executionTimeMs");
        RuleFor(r => r.Body.ServerName).MaximumLength(MaxServerNameLength).SingleLine().OverridePropertyName("serverName");
    }
}
