using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;

namespace Monolith.Http;

/// <summary>The request named something that existed and is retired: 410 as problem+json, returned by a handler (<c>Results&lt;Ok&lt;T&gt;, GoneProblem&gt;</c>) so the OpenAPI document declares it.</summary>
public sealed class GoneProblem(string detail) : ProblemResult(StatusCodes.Status410Gone, Title, detail), IEndpointMetadataProvider
{
    public const string Title = "Gone.";

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Declare(builder, StatusCodes.Status410Gone);
}
