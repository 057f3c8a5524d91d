using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;

namespace Monolith.Http;

/// <summary>The request said who sent it, and that sender may not do this: 403 as problem+json, returned by a handler (<c>Results&lt;Ok, ForbiddenProblem&gt;</c>) so the OpenAPI document declares it.</summary>
public sealed class ForbiddenProblem(string detail, string title = ForbiddenProblem.Title) : ProblemResult(StatusCodes.Status403Forbidden, title, detail), IEndpointMetadataProvider
{
    public const string Title = "Forbidden.";

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Declare(builder, StatusCodes.Status403Forbidden);
}
