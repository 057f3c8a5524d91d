using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;

namespace Monolith.Http;

/// <summary>A request named something that does not exist: 404 as problem+json, returned by a handler (<c>Results&lt;Ok&lt;T&gt;, NotFoundProblem&gt;</c>) so the OpenAPI document declares it.</summary>
public sealed class NotFoundProblem(string detail) : ProblemResult(StatusCodes.Status404NotFound, Title, detail), IEndpointMetadataProvider
{
    public const string Title = "Not found.";

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Declare(builder, StatusCodes.Status404NotFound);
}
