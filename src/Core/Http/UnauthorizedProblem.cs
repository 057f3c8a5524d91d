using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace Monolith.Http;

/// <summary>The request did not say who sent it: 401 as problem+json, returned by a handler (<c>Results&lt;Ok, UnauthorizedProblem&gt;</c>) so the OpenAPI document declares it.</summary>
public sealed class UnauthorizedProblem(string detail, string title = UnauthorizedProblem.Title) : IResult, IStatusCodeHttpResult, IValueHttpResult, IValueHttpResult<ProblemDetails>, IEndpointMetadataProvider
{
    public const string Title = "Unauthorized.";

    public ProblemDetails Value { get; } = ProblemResult.Describe(StatusCodes.Status401Unauthorized, title, detail);

    object? IValueHttpResult.Value => Value;

    public int? StatusCode => StatusCodes.Status401Unauthorized;

    public Task ExecuteAsync(HttpContext httpContext) => ProblemResult.WriteAsync(httpContext, Value);

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => ProblemResult.Declare(builder, StatusCodes.Status401Unauthorized);
}
