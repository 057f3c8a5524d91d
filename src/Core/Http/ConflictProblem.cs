using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;

namespace Monolith.Http;

/// <summary>The request conflicts with what is stored: 409 as problem+json, returned by a handler (<c>Results&lt;Ok&lt;T&gt;, ConflictProblem&gt;</c>) so the OpenAPI document declares it.</summary>
public sealed class ConflictProblem(string detail) : ProblemResult(StatusCodes.Status409Conflict, Title, detail), IEndpointMetadataProvider
{
    public const string Title = "Conflict.";

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Declare(builder, StatusCodes.Status409Conflict);
}
