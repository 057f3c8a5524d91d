using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;

namespace Monolith.Http;

/// <summary>Something the request needs is not available now (a provider, a readiness check): 503 as problem+json, returned by a handler so the OpenAPI document declares it.</summary>
public sealed class UnavailableProblem : ProblemResult, IEndpointMetadataProvider
{
    public UnavailableProblem(string title, string detail, IEnumerable<KeyValuePair<string, object?>>? extensions = null)
        : base(StatusCodes.Status503ServiceUnavailable, title, detail)
    {
        foreach (var (key, value) in extensions ?? [])
        {
            Value.Extensions[key] = value;
        }
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Declare(builder, StatusCodes.Status503ServiceUnavailable);
}
