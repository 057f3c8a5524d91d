using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;

namespace Monolith.Http;

/// <summary>The request cannot be read or is refused as it stands: 400 as problem+json, returned by a handler (<c>Results&lt;Ok, BadRequestProblem&gt;</c>) so the OpenAPI document declares it.</summary>
public sealed class BadRequestProblem(string detail, string title = BadRequestProblem.Title) : ProblemResult(StatusCodes.Status400BadRequest, title, detail), IEndpointMetadataProvider
{
    public const string Title = "The request is not valid.";

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Declare(builder, StatusCodes.Status400BadRequest);
}
