using Microsoft.AspNetCore.Routing;

namespace Monolith.Telegram;

/// <summary>The Telegram route: POST /telegram/webhook, outside /api (Telegram authenticates with the webhook secret, not an API key).</summary>
public static class TelegramEndpoints
{
    public static IEndpointRouteBuilder MapTelegramEndpoints(this IEndpointRouteBuilder app)
    {
        TelegramWebhook.Map(app);
        return app;
    }
}
