using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Monolith.Tests.Core.Agents;

/// <summary>A stand-in for an OpenAI-compatible chat model: a real HTTP server on 127.0.0.1 answering from a script.</summary>
public sealed class FakeChatModel : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<Func<Task<IResult>>> script = new();

    private FakeChatModel(WebApplication app) => this.app = app;

    public Uri BaseUrl { get; private set; } = null!;

    public ConcurrentQueue<(JsonObject Body, string? Authorization)> Requests { get; } = new();

    public static async Task<FakeChatModel> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeChatModel(app);
        app.MapPost("/v1/chat/completions", fake.HandleAsync);
        await app.StartAsync();
        fake.BaseUrl = new Uri(app.Urls.First());
        return fake;
    }

    public void Reply(string content) =>
        script.Enqueue(() => Task.FromResult(Answer(new JsonObject { ["role"] = "assistant", ["content"] = content })));

    public void CallTools(params (string Id, string Name, string Arguments)[] calls) =>
        script.Enqueue(() => Task.FromResult(Answer(new JsonObject
        {
            ["role"] = "assistant",
            ["content"] = null,
            ["tool_calls"] = new JsonArray([.. calls.Select(c => (JsonNode)new JsonObject
            {
                ["id"] = c.Id,
                ["type"] = "function",
                ["function"] = new JsonObject { ["name"] = c.Name, ["arguments"] = c.Arguments },
            })]),
        })));

    public void Hang(TimeSpan delay) =>
        script.Enqueue(async () =>
        {
            await Task.Delay(delay);
            return Answer(new JsonObject { ["role"] = "assistant", ["content"] = "too late" });
        });

    public void Fail(int status) => script.Enqueue(() => Task.FromResult(Results.Json(new { error = new { message = "overloaded" } }, statusCode: status)));

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private async Task<IResult> HandleAsync(HttpRequest request)
    {
        var body = (await request.ReadFromJsonAsync<JsonObject>())!;
        Requests.Enqueue((body, request.Headers.Authorization.ToString()));
        return script.TryDequeue(out var next) ? await next() : Results.Json(new { error = new { message = "no scripted answer" } }, statusCode: 500);
    }

    private static IResult Answer(JsonObject message) => Results.Text(new JsonObject
    {
        ["id"] = "chatcmpl-1",
        ["object"] = "chat.completion",
        ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["message"] = message, ["finish_reason"] = "stop" }),
    }.ToJsonString(), "application/json");
}
