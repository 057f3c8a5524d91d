using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace Monolith.Http;

/// <summary>The request said who sent it, and that sender may not do this: 403 as problem+json, returned by a handler (<c>Results&lt;Ok, ForbiddenProblem&gt;</c>) so the OpenAPI document declares it.</summary>
public sealed class ForbiddenProblem(string detail, string title = ForbiddenProblem.Title) : IResult, IStatusCodeHttpResult, IValueHttpResult, IValueHttpResult<ProblemDetails>, IEndpointMetadataProvider
{
    public const string Title = "Forbidden.";

    public ProblemDetails Value { get; } = ProblemResult.Describe(StatusCodes.Status403Forbidden, title, detail);

    object? IValueHttpResult.Value => Value;

    public int? StatusCode => StatusCodes.Status403Forbidden;

    public Task ExecuteAsync(HttpContext httpContext) => ProblemResult.WriteAsync(httpContext, Value);

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => ProblemResult.Declare(builder, StatusCodes.Status403Forbidden);
}
