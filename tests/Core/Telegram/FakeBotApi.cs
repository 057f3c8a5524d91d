using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Monolith.Tests.Core.Telegram;

/// <summary>A stand-in for the Telegram Bot API: a real HTTP server on 127.0.0.1 that records every call.</summary>
public sealed class FakeBotApi : IAsyncDisposable
{
    public const string Token = "123456789:TEST-token_for-the-fake";

    private readonly WebApplication app;
    private readonly ConcurrentQueue<JsonObject[]> updateBatches = new();
    private int messageIds;

    private FakeBotApi(WebApplication app) => this.app = app;

    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>Every call as (method, body, when), in arrival order.</summary>
    public ConcurrentQueue<BotApiCall> Calls { get; } = new();

    /// <summary>How many sendMessage calls to refuse with 429 before accepting.</summary>
    public int RateLimitedSends { get; set; }

    public int RetryAfterSeconds { get; set; } = 1;

    /// <summary>While set, sendMessage waits for it: lets a test hold the workers busy.</summary>
    public TaskCompletionSource? SendGate { get; set; }

    public IReadOnlyList<BotApiCall> Sent => [.. Calls.Where(c => c.Method == "sendMessage" && c.Accepted)];

    /// <summary>Files getFile knows, by file_id: the path it answers and the bytes GET /file/bot{token}/{path} serves.</summary>
    public ConcurrentDictionary<string, (string Path, byte[] Content)> Files { get; } = new();

    /// <summary>Adds a file the bot can fetch; returns its file_id.</summary>
    public string AddFile(string fileName, byte[] content)
    {
        var id = $"BQACAgIAAxkBAAI{Guid.NewGuid():N}";
        Files[id] = ($"documents/{fileName}", content);
        return id;
    }

    public static async Task<FakeBotApi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeBotApi(app);
        app.MapPost("/bot{token}/{method}", fake.HandleAsync);
        app.MapGet("/file/bot{token}/{**path}", fake.Download);
        await app.StartAsync();
        fake.BaseUrl = new Uri(app.Urls.First());
        return fake;
    }

    public void QueueUpdates(params JsonObject[] updates) => updateBatches.Enqueue(updates);

    /// <summary>Waits until <paramref name="count"/> messages were delivered; fails after 30 s.</summary>
    public async Task<IReadOnlyList<BotApiCall>> WaitForSentAsync(int count)
    {
        var started = Stopwatch.StartNew();
        while (Sent.Count < count)
        {
            Assert.True(started.Elapsed < TimeSpan.FromSeconds(30), $"expected {count} sendMessage calls, got {Sent.Count}");
            await Task.Delay(20);
        }

        return Sent;
    }

    public async ValueTask DisposeAsync()
    {
        SendGate?.TrySetResult();
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private async Task<IResult> HandleAsync(string token, string method, HttpRequest request)
    {
        if (token != Token)
        {
            return Results.Json(new { ok = false, error_code = 401, description = "Unauthorized" }, statusCode: 401);
        }

        var body = await ReadBodyAsync(request);
        switch (method)
        {
            case "sendMessage":
                if (SendGate is { } gate)
                {
                    await gate.Task;
                }

                if (RateLimitedSends > 0)
                {
                    RateLimitedSends--;
                    Calls.Enqueue(new BotApiCall(method, body, DateTime.UtcNow, Accepted: false));
                    return Results.Json(
                        new { ok = false, error_code = 429, description = $"Too Many Requests: retry after {RetryAfterSeconds}", parameters = new { retry_after = RetryAfterSeconds } },
                        statusCode: 429);
                }

                Calls.Enqueue(new BotApiCall(method, body, DateTime.UtcNow, Accepted: true));
                var chatId = body["chat_id"]!.GetValue<long>();
                return Ok(new JsonObject
                {
                    ["message_id"] = Interlocked.Increment(ref messageIds),
                    ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
                    ["chat"] = new JsonObject { ["id"] = chatId, ["type"] = "private" },
                    ["text"] = body["text"]?.GetValue<string>(),
                });
            case "getUpdates":
                Calls.Enqueue(new BotApiCall(method, body, DateTime.UtcNow, Accepted: true));
                if (updateBatches.TryDequeue(out var batch))
                {
                    return Ok(new JsonArray([.. batch.Select(u => (JsonNode)u.DeepClone())]));
                }

                await Task.Delay(200);
                return Ok(new JsonArray());
            case "getFile":
                Calls.Enqueue(new BotApiCall(method, body, DateTime.UtcNow, Accepted: true));
                var fileId = body["file_id"]?.GetValue<string>() ?? string.Empty;
                return Files.TryGetValue(fileId, out var file)
                    ? Ok(new JsonObject { ["file_id"] = fileId, ["file_unique_id"] = fileId[^8..], ["file_size"] = file.Content.Length, ["file_path"] = file.Path })
                    : Results.Json(new { ok = false, error_code = 400, description = "Bad Request: invalid file_id" }, statusCode: 400);
            default:
                Calls.Enqueue(new BotApiCall(method, body, DateTime.UtcNow, Accepted: true));
                return Ok(JsonValue.Create(true));
        }
    }

    private IResult Download(string token, string path)
    {
        Calls.Enqueue(new BotApiCall("download", new JsonObject { ["path"] = path }, DateTime.UtcNow, Accepted: token == Token));
        var file = Files.Values.FirstOrDefault(f => f.Path == path);
        return token == Token && file.Content is not null ? Results.Bytes(file.Content, "application/octet-stream") : Results.NotFound();
    }

    private static IResult Ok(JsonNode result) =>
        Results.Text(new JsonObject { ["ok"] = true, ["result"] = result }.ToJsonString(), "application/json");

    private static async Task<JsonObject> ReadBodyAsync(HttpRequest request)
    {
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync();
            var fields = new JsonObject();
            foreach (var (key, value) in form)
            {
                fields[key] = long.TryParse(value.ToString(), out var number) ? JsonValue.Create(number) : JsonValue.Create(value.ToString());
            }

            return fields;
        }

        using var reader = new StreamReader(request.Body);
        var text = await reader.ReadToEndAsync();
        return text.Length == 0 ? [] : JsonNode.Parse(text) as JsonObject ?? throw new JsonException("body is not an object");
    }
}
