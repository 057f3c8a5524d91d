using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace Monolith.Http;

/// <summary>A request named something that does not exist: 404 as problem+json, returned by a handler (<c>Results&lt;Ok&lt;T&gt;, NotFoundProblem&gt;</c>) so the OpenAPI document declares it.</summary>
public sealed class NotFoundProblem(string detail) : IResult, IStatusCodeHttpResult, IValueHttpResult, IValueHttpResult<ProblemDetails>, IEndpointMetadataProvider
{
    public const string Title = "Not found.";

    public ProblemDetails Value { get; } = ProblemResult.Describe(StatusCodes.Status404NotFound, Title, detail);

    object? IValueHttpResult.Value => Value;

    public int? StatusCode => StatusCodes.Status404NotFound;

    public Task ExecuteAsync(HttpContext httpContext) => ProblemResult.WriteAsync(httpContext, Value);

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => ProblemResult.Declare(builder, StatusCodes.Status404NotFound);
}
