using FluentValidation;
using Monolith.Http;

namespace Monolith.Registry;

/// <summary>Validates an agent update: a config path, and a description within limits.</summary>
public sealed class UpdateAgentRequestValidator : AbstractValidator<UpdateAgentRequest>
{
    public UpdateAgentRequestValidator(AgentConfigDirectory configFiles)
    {
        RuleFor(r => r.Body.Description).MaximumLength(AgentChanges.MaxDescriptionLength).FreeText().OverridePropertyName("description");
        RuleFor(r => r.Body.ConfigPath).Cascade(CascadeMode.Stop).NotEmpty().MaximumLength(AgentChanges.MaxPathLength).SingleLine()
            .Must(path => configFiles.Refusal(path!) is null).WithMessage(r => $"configPath cannot be used: {configFiles.Refusal(r.Body.ConfigPath!)}.").OverridePropertyName("configPath");
    }
}
