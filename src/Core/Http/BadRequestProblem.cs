using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace Monolith.Http;

/// <summary>The request cannot be read or is refused as it stands: 400 as problem+json, returned by a handler (<c>Results&lt;Ok, BadRequestProblem&gt;</c>) so the OpenAPI document declares it.</summary>
public sealed class BadRequestProblem(string detail, string title = BadRequestProblem.Title) : IResult, IStatusCodeHttpResult, IValueHttpResult, IValueHttpResult<ProblemDetails>, IEndpointMetadataProvider
{
    public const string Title = "The request is not valid.";

    public ProblemDetails Value { get; } = ProblemResult.Describe(StatusCodes.Status400BadRequest, title, detail);

    object? IValueHttpResult.Value => Value;

    public int? StatusCode => StatusCodes.Status400BadRequest;

    public Task ExecuteAsync(HttpContext httpContext) => ProblemResult.WriteAsync(httpContext, Value);

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => ProblemResult.Declare(builder, StatusCodes.Status400BadRequest);
}
