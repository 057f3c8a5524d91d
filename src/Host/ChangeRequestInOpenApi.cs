using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Monolith.Mechanic;

namespace Monolith.Host;

/// <summary>A change request carries exactly one of <c>entity</c> and <c>source</c>: the schema says so with oneOf.</summary>
internal sealed class ChangeRequestInOpenApi : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonTypeInfo.Type != typeof(ChangeRequest) || context.JsonPropertyInfo is not null)
        {
            return Task.CompletedTask;
        }

        schema.Required = new HashSet<string>(StringComparer.Ordinal) { "instruction", "actor" };
        schema.OneOf =
        [
            new OpenApiSchema { Required = new HashSet<string>(StringComparer.Ordinal) { "entity" } },
            new OpenApiSchema { Required = new HashSet<string>(StringComparer.Ordinal) { "source" } },
        ];
        return Task.CompletedTask;
    }
}
