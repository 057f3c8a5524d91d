using FluentValidation;
using Monolith.Http;

namespace Monolith.Registry;

/// <summary>Validates a tool update like a new tool, without the name.</summary>
public sealed class UpdateToolRequestValidator : AbstractValidator<UpdateToolRequest>
{
    public UpdateToolRequestValidator()
    {
        RuleFor(r => r.Body.Description).MaximumLength(AgentChanges.MaxDescriptionLength).FreeText().OverridePropertyName("description");
        RuleFor(r => r.Body.ModulePath).NotEmpty().MaximumLength(AgentChanges.MaxPathLength).SingleLine().OverridePropertyName("modulePath");
        RuleFor(r => r.Body.Schema).JsonSchema();
        RuleFor(r => r.Body.Agent).MaximumLength(RegistryText.MaxNameLength).SingleLine().OverridePropertyName("agent");
    }
}
