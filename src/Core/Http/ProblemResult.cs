using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace Monolith.Http;

/// <summary>
/// How a problem a handler decides is written and declared: through the same problem details service as every thrown
/// problem (problem+json, instance, traceId), and as a problem+json response of its status in the OpenAPI document.
/// </summary>
internal static class ProblemResult
{
    public static ProblemDetails Describe(int status, string title, string detail) => new() { Status = status, Title = title, Detail = detail };

    public static async Task WriteAsync(HttpContext httpContext, ProblemDetails problem)
    {
        httpContext.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        var problems = httpContext.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem });
    }

    public static void Declare(EndpointBuilder builder, int status) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(status, typeof(ProblemDetails), ["application/problem+json"]));
}
