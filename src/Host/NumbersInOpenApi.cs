using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Monolith.Host;

/// <summary>
/// Numbers are documented as numbers only. The service also reads a number sent as a string (lenient input), but a
/// generated client should send numbers, so the schema does not offer <c>number | string</c>.
/// </summary>
internal sealed class NumbersInOpenApi : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (schema.Type is { } type && (type & (JsonSchemaType.Integer | JsonSchemaType.Number)) != 0 && (type & JsonSchemaType.String) != 0)
        {
            schema.Type = type & ~JsonSchemaType.String;
            schema.Pattern = null;
        }

        return Task.CompletedTask;
    }
}
