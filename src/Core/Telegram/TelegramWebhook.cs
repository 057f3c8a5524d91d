using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Monolith.Http;
using Npgsql;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace Monolith.Telegram;

/// <summary>
/// POST /telegram/webhook: checks the secret header, stores the update (a repeated update_id is ignored) and answers
/// 200 at once; workers process it in the background. A full queue answers 503 so Telegram sends the update again later.
/// </summary>
public static class TelegramWebhook
{
    public const string Route = "/telegram/webhook";

    /// <summary>The Bot API's own options, but a repeated key (at any depth) is refused rather than last-wins.</summary>
    private static readonly JsonSerializerOptions Strict = new(JsonBotAPI.Options) { AllowDuplicateProperties = false };

    public static IEndpointRouteBuilder MapTelegramEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost(Route, ReceiveAsync)
            .AllowAnonymous()
            .WithTags("Telegram")
            .Produces(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    private static async Task<IResult> ReceiveAsync(HttpContext context, TelegramSettings settings, WebhookSecret secret, UpdateInbox inbox, CancellationToken cancellationToken)
    {
        var receivedAt = Stopwatch.GetTimestamp();
        if (!settings.Enabled)
        {
            return Problem(StatusCodes.Status404NotFound, "Not found.", "The bot is off: TELEGRAM_BOT_TOKEN is not set.");
        }

        var presented = context.Request.Headers[WebhookSecret.HeaderName].ToString();
        if (presented.Length == 0)
        {
            return Problem(StatusCodes.Status401Unauthorized, "Unauthorized.", $"The {WebhookSecret.HeaderName} header is missing.");
        }

        if (!secret.IsConfigured)
        {
            return Problem(StatusCodes.Status403Forbidden, "Forbidden.", "The webhook is disabled: TELEGRAM_WEBHOOK_SECRET is not set (use polling, or set the secret).");
        }

        if (!secret.Matches(presented))
        {
            return Problem(StatusCodes.Status403Forbidden, "Forbidden.", $"The {WebhookSecret.HeaderName} header does not match TELEGRAM_WEBHOOK_SECRET.");
        }

        using var reader = new StreamReader(context.Request.Body);
        var payload = await reader.ReadToEndAsync(cancellationToken);
        Update? update;
        try
        {
            update = JsonSerializer.Deserialize<Update>(payload, Strict);
        }
        catch (JsonException e)
        {
            return Problem(StatusCodes.Status400BadRequest, "The request body is not a Bot API update.", e.Message);
        }

        if (update is null || update.Id <= 0)
        {
            return Problem(StatusCodes.Status400BadRequest, "The request body is not a Bot API update.", "update_id must be a positive integer.");
        }

        try
        {
            var answer = await inbox.AcceptAsync(update.Id, UpdateChat.Of(update), payload, receivedAt, cancellationToken);
            if (answer == InboxAnswer.Busy)
            {
                context.Response.Headers.RetryAfter = "1";
                return Problem(StatusCodes.Status503ServiceUnavailable, "Busy.", "The update queue is full; Telegram will deliver the update again.");
            }
        }
        catch (NpgsqlException e) when (e is not PostgresException { SqlState: PostgresErrorCodes.UntranslatableCharacter or PostgresErrorCodes.CharacterNotInRepertoire })
        {
            context.Response.Headers.RetryAfter = ProblemExceptionHandler.RetryAfterSeconds;
            return Problem(StatusCodes.Status503ServiceUnavailable, "Busy.", "The database is unavailable; Telegram will deliver the update again.");
        }

        return TypedResults.Ok();
    }

    private static ProblemHttpResult Problem(int status, string title, string detail) => TypedResults.Problem(detail, statusCode: status, title: title);
}
