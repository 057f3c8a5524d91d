using FluentValidation;
using Monolith.Http;

namespace Monolith.Registry;

/// <summary>Validates an agent update: a config path, and a description within limits.</summary>
public sealed class UpdateAgentRequestValidator : AbstractValidator<UpdateAgentRequest>
{
    public UpdateAgentRequestValidator()
    {
        RuleFor(r => r.Body.Description).MaximumLength(AgentChanges.MaxDescriptionLength).FreeText().OverridePropertyName("description");
        RuleFor(r => r.Body.ConfigPath).NotEmpty().MaximumLength(AgentChanges.MaxPathLength).SingleLine().OverridePropertyName("configPath");
    }
}
