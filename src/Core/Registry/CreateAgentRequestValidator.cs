using FluentValidation;
using Monolith.Http;

namespace Monolith.Registry;

/// <summary>Validates a new agent: a registry name and a config path.</summary>
public sealed class CreateAgentRequestValidator : AbstractValidator<CreateAgentRequest>
{
    public CreateAgentRequestValidator()
    {
        RuleFor(r => r.Name).RegistryName();
        RuleFor(r => r.Description).MaximumLength(AgentChanges.MaxDescriptionLength).FreeText();
        RuleFor(r => r.ConfigPath).NotEmpty().MaximumLength(AgentChanges.MaxPathLength).SingleLine();
    }
}
