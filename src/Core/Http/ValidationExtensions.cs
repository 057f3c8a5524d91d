using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Monolith.Http;

/// <summary>Attaches request validation to an endpoint: <c>.Validates&lt;CreateX&gt;()</c>.</summary>
public static class ValidationExtensions
{
    public static RouteHandlerBuilder Validates<TRequest>(this RouteHandlerBuilder builder) =>
        builder.AddEndpointFilter<ValidationFilter<TRequest>>().ProducesValidationProblem();
}
