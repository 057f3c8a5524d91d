using System.Text.Json;
using FluentValidation;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Monolith.Database;
using Npgsql;

namespace Monolith.Http;

/// <summary>The one place where exceptions become RFC 9457 problem details.</summary>
public sealed partial class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    /// <summary>Every 503 (a database restarting, failing over, refusing connections or busy) says when to try again.</summary>
    public const string RetryAfterSeconds = "2";

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = Describe(exception);
        if (problem.Status == StatusCodes.Status503ServiceUnavailable)
        {
            // An outage answers every request this way: one line each, not a stack trace each.
            LogUnavailable(logger, httpContext.Request.Method, httpContext.Request.Path, exception.GetBaseException().Message);
        }
        else if (problem.Status >= StatusCodes.Status500InternalServerError)
        {
            LogUnhandled(logger, exception, httpContext.Request.Method, httpContext.Request.Path);
        }

        httpContext.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        if (problem.Status == StatusCodes.Status503ServiceUnavailable)
        {
            httpContext.Response.Headers.RetryAfter = RetryAfterSeconds;
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    public static ProblemDetails Describe(Exception exception) => exception switch
    {
        ValidationException validation => new HttpValidationProblemDetails(
            validation.Errors.GroupBy(e => ToCamelCase(e.PropertyName)).ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).ToArray()))
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request is not valid.",
            Detail = string.Join(" ", validation.Errors.Select(e => e.ErrorMessage)),
        },
        BadRequestException bad => new HttpValidationProblemDetails(new Dictionary<string, string[]> { [bad.Field] = [bad.Message] })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request is not valid.",
            Detail = bad.Message,
        },
        BadHttpRequestException { InnerException: JsonException json } => JsonProblem(json),
        BadHttpRequestException bad => Problem(bad.StatusCode, "The request could not be read.", bad.Message),
        JsonException json => JsonProblem(json),
        NotFoundException notFound => Problem(StatusCodes.Status404NotFound, NotFoundProblem.Title, notFound.Message),
        ConflictException conflict => Problem(StatusCodes.Status409Conflict, ConflictProblem.Title, conflict.Message),
        GoneException gone => Problem(StatusCodes.Status410Gone, GoneProblem.Title, gone.Message),
        DbUpdateException { InnerException: PostgresException postgres } => FromPostgres(postgres),
        PostgresException postgres => FromPostgres(postgres),
        NpgsqlException or { InnerException: NpgsqlException and not PostgresException }
            => Problem(StatusCodes.Status503ServiceUnavailable, "Database unavailable.", "The database could not be reached in time (or the connection pool is exhausted); retry the request."),
        _ when TransientDatabaseFailure.IsTransient(exception) => Unavailable,
        OperationCanceledException => Problem(499, "The request was cancelled.", "The client closed the request."),
        _ => Problem(StatusCodes.Status500InternalServerError, "Unexpected error.", "The error was logged; the request changed nothing."),
    };

    private static ProblemDetails FromPostgres(PostgresException postgres) => postgres.SqlState switch
    {
        PostgresErrorCodes.UniqueViolation => Problem(StatusCodes.Status409Conflict, "Conflict.", $"A row with the same key already exists ({postgres.ConstraintName})."),
        PostgresErrorCodes.ForeignKeyViolation => Problem(StatusCodes.Status409Conflict, "Conflict.", $"A referenced row does not exist or is still referenced ({postgres.ConstraintName})."),
        PostgresErrorCodes.UntranslatableCharacter or PostgresErrorCodes.CharacterNotInRepertoire or PostgresErrorCodes.InvalidTextRepresentation
            => Problem(StatusCodes.Status400BadRequest, "The request is not valid.", "Text contains characters PostgreSQL cannot store (such as \\u0000)."),
        PostgresErrorCodes.StringDataRightTruncation or PostgresErrorCodes.NumericValueOutOfRange
            => Problem(StatusCodes.Status400BadRequest, "The request is not valid.", "A value is too long or out of range."),
        var state when TransientDatabaseFailure.IsContention(state)
            => Problem(StatusCodes.Status503ServiceUnavailable, "Busy.", "The database was busy; retry the request."),
        var state when TransientDatabaseFailure.IsUnavailable(state) => Unavailable,
        _ => Problem(StatusCodes.Status500InternalServerError, "Unexpected error.", "The error was logged; the request changed nothing."),
    };

    private static ProblemDetails Unavailable => Problem(
        StatusCodes.Status503ServiceUnavailable, "Database unavailable.", "The database is restarting, failing over or refusing connections; retry the request.");

    /// <summary>
    /// A body that is not JSON, or JSON of the wrong shape, as a validation problem naming the field (from the JSON path):
    /// System.Text.Json's own message names our internal .NET types, so a wrong type gets a sentence of ours instead.
    /// </summary>
    private static HttpValidationProblemDetails JsonProblem(JsonException json)
    {
        var path = json.Path is null or "$" ? null : json.Path;
        var field = path is null ? "body" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
        var quoted = json.Message.Split('\'');
        var message = json.Message switch
        {
            var text when text.StartsWith("Duplicate property", StringComparison.Ordinal) && quoted.Length > 2 =>
                $"The key '{quoted[1]}' appears more than once{(path is null ? "" : $" at {path}")}; send each key once.",
            var text when text.Contains("could not be converted", StringComparison.Ordinal) || text.Contains("Monolith.", StringComparison.Ordinal) =>
                path is null ? "The request body is not a JSON value of the expected type (an object)." : $"The value at {path} has the wrong JSON type.",
            var text => text,
        };
        return new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request body is not valid JSON.",
            Detail = message,
        };
    }

    private static ProblemDetails Problem(int status, string title, string detail) => new() { Status = status, Title = title, Detail = detail };

    private static string ToCamelCase(string name) =>
        string.Join('.', name.Split('.').Select(part => part.Length == 0 ? part : char.ToLowerInvariant(part[0]) + part[1..]));

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled error on {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string method, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Answered 503 on {Method} {Path}: {Reason}")]
    private static partial void LogUnavailable(ILogger logger, string method, string path, string reason);
}
