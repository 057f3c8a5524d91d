using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace Monolith.Http;

/// <summary>Something the request needs is not available now (a provider, a readiness check): 503 as problem+json, returned by a handler so the OpenAPI document declares it.</summary>
public sealed class UnavailableProblem : IResult, IStatusCodeHttpResult, IValueHttpResult, IValueHttpResult<ProblemDetails>, IEndpointMetadataProvider
{
    public UnavailableProblem(string title, string detail, IEnumerable<KeyValuePair<string, object?>>? extensions = null)
    {
        Value = ProblemResult.Describe(StatusCodes.Status503ServiceUnavailable, title, detail);
        foreach (var (key, value) in extensions ?? [])
        {
            Value.Extensions[key] = value;
        }
    }

    public ProblemDetails Value { get; }

    object? IValueHttpResult.Value => Value;

    public int? StatusCode => StatusCodes.Status503ServiceUnavailable;

    public Task ExecuteAsync(HttpContext httpContext) => ProblemResult.WriteAsync(httpContext, Value);

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => ProblemResult.Declare(builder, StatusCodes.Status503ServiceUnavailable);
}
