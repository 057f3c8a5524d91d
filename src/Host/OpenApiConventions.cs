using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Monolith.Http;

namespace Monolith.Host;

/// <summary>
/// What client generators need beyond what the handlers' signatures say: the X-Api-Key security scheme and an
/// operationId on every operation (the method and the route, camelCase: <c>postApiSearch</c>, <c>getApiEntitiesByTableById</c>).
/// </summary>
internal sealed class OpenApiConventions : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[ApiKeyAuthentication.SchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = ApiKeyAuthentication.HeaderName,
            Description = "The service key for /api/*, the admin key for /api/admin/* (the proposer key for proposing schema changes).",
        };
        document.Security ??= [];
        document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiKeyAuthentication.SchemeName, document)] = [] });

        foreach (var (path, item) in document.Paths)
        {
            foreach (var (method, operation) in item.Operations ?? [])
            {
                operation.OperationId ??= OperationId(method.Method, path);
            }
        }

        return Task.CompletedTask;
    }

    private static string OperationId(string method, string path)
    {
        var id = new StringBuilder(method.ToLowerInvariant());
        foreach (var segment in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var parameter = segment.StartsWith('{');
            var words = segment.Trim('{', '}').Split('-', '_', '.');
            if (parameter)
            {
                id.Append("By");
            }

            foreach (var word in words.Where(w => w.Length > 0))
            {
                id.Append(char.ToUpper(word[0], CultureInfo.InvariantCulture)).Append(word[1..]);
            }
        }

        return id.ToString();
    }
}
