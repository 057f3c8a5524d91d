using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;

namespace Monolith.Http;

/// <summary>The request did not say who sent it: 401 as problem+json, returned by a handler (<c>Results&lt;Ok, UnauthorizedProblem&gt;</c>) so the OpenAPI document declares it.</summary>
public sealed class UnauthorizedProblem(string detail, string title = UnauthorizedProblem.Title) : ProblemResult(StatusCodes.Status401Unauthorized, title, detail), IEndpointMetadataProvider
{
    public const string Title = "Unauthorized.";

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Declare(builder, StatusCodes.Status401Unauthorized);
}
