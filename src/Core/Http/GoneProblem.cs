using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace Monolith.Http;

/// <summary>The request named something that existed and is retired: 410 as problem+json, returned by a handler (<c>Results&lt;Ok&lt;T&gt;, GoneProblem&gt;</c>) so the OpenAPI document declares it.</summary>
public sealed class GoneProblem(string detail) : IResult, IStatusCodeHttpResult, IValueHttpResult, IValueHttpResult<ProblemDetails>, IEndpointMetadataProvider
{
    public const string Title = "Gone.";

    public ProblemDetails Value { get; } = ProblemResult.Describe(StatusCodes.Status410Gone, Title, detail);

    object? IValueHttpResult.Value => Value;

    public int? StatusCode => StatusCodes.Status410Gone;

    public Task ExecuteAsync(HttpContext httpContext) => ProblemResult.WriteAsync(httpContext, Value);

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => ProblemResult.Declare(builder, StatusCodes.Status410Gone);
}
