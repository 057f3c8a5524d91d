using FluentValidation;
using Monolith.Http;

namespace Monolith.Registry;

/// <summary>Validates a new tool: a registry name, a module path, a JSON Schema shaped schema and an agent name.</summary>
public sealed class CreateToolRequestValidator : AbstractValidator<CreateToolRequest>
{
    public CreateToolRequestValidator()
    {
        RuleFor(r => r.Name).RegistryName();
        RuleFor(r => r.Description).MaximumLength(AgentChanges.MaxDescriptionLength).FreeText();
        RuleFor(r => r.ModulePath).NotEmpty().MaximumLength(AgentChanges.MaxPathLength).SingleLine();
        RuleFor(r => r.Schema).JsonSchema();
        RuleFor(r => r.Agent).MaximumLength(RegistryText.MaxNameLength).SingleLine();
    }
}
