using FluentValidation;
using Monolith.Http;

namespace Monolith.Registry;

/// <summary>Validates a new agent: a registry name and a config path.</summary>
public sealed class CreateAgentRequestValidator : AbstractValidator<CreateAgentRequest>
{
    public CreateAgentRequestValidator(AgentConfigDirectory configFiles)
    {
        RuleFor(r => r.Name).RegistryName();
        RuleFor(r => r.Description).MaximumLength(AgentChanges.MaxDescriptionLength).FreeText();
        RuleFor(r => r.ConfigPath).Cascade(CascadeMode.Stop).NotEmpty().MaximumLength(AgentChanges.MaxPathLength).SingleLine()
            .Must(path => configFiles.Refusal(path!) is null).WithMessage(r => $"configPath cannot be used: {configFiles.Refusal(r.ConfigPath!)}.");
    }
}
