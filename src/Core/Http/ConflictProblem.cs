using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace Monolith.Http;

/// <summary>The request conflicts with what is stored: 409 as problem+json, returned by a handler (<c>Results&lt;Ok&lt;T&gt;, ConflictProblem&gt;</c>) so the OpenAPI document declares it.</summary>
public sealed class ConflictProblem(string detail) : IResult, IStatusCodeHttpResult, IValueHttpResult, IValueHttpResult<ProblemDetails>, IEndpointMetadataProvider
{
    public const string Title = "Conflict.";

    public ProblemDetails Value { get; } = ProblemResult.Describe(StatusCodes.Status409Conflict, Title, detail);

    object? IValueHttpResult.Value => Value;

    public int? StatusCode => StatusCodes.Status409Conflict;

    public Task ExecuteAsync(HttpContext httpContext) => ProblemResult.WriteAsync(httpContext, Value);

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => ProblemResult.Declare(builder, StatusCodes.Status409Conflict);
}
