using Microsoft.Extensions.Http.Logging;
using Microsoft.Extensions.Logging;

namespace Monolith.Telegram;

/// <summary>
/// Logs Bot API calls in place of HttpClient's default logging, which writes the full request URL and so the bot
/// token (Telegram puts it in the path: /bot&lt;token&gt;/sendMessage). Only the Bot API method name is written.
/// </summary>
public sealed partial class BotApiCallLogger(ILogger<BotApiCallLogger> logger) : IHttpClientLogger
{
    public object? LogRequestStart(HttpRequestMessage request) => null;

    public void LogRequestStop(object? context, HttpRequestMessage request, HttpResponseMessage response, TimeSpan elapsed)
    {
        var method = MethodName(request.RequestUri);
        LogCall(logger, request.Method.Method, method, (int)response.StatusCode, elapsed.TotalMilliseconds);
    }

    public void LogRequestFailed(object? context, HttpRequestMessage request, HttpResponseMessage? response, Exception exception, TimeSpan elapsed)
    {
        var method = MethodName(request.RequestUri);
        LogCallFailed(logger, request.Method.Method, method, exception.GetType().Name, elapsed.TotalMilliseconds);
    }

    /// <summary>The last path segment (sendMessage, getUpdates, ...): everything before it carries the token.</summary>
    public static string MethodName(Uri? uri)
    {
        var path = uri?.IsAbsoluteUri == true ? uri.AbsolutePath : uri?.OriginalString ?? string.Empty;
        var slash = path.LastIndexOf('/');
        var name = slash < 0 ? path : path[(slash + 1)..];
        return name.Contains(':', StringComparison.Ordinal) ? "(unknown)" : name;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Bot API {HttpMethod} {BotMethod} answered {Status} in {Milliseconds:0.0} ms")]
    private static partial void LogCall(ILogger logger, string httpMethod, string botMethod, int status, double milliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bot API {HttpMethod} {BotMethod} failed ({Error}) after {Milliseconds:0.0} ms")]
    private static partial void LogCallFailed(ILogger logger, string httpMethod, string botMethod, string error, double milliseconds);
}
