using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Monolith.Search;

namespace Monolith.Tests.Core.Search;

/// <summary>
/// An OpenAI-compatible /v1/embeddings on 127.0.0.1 (a real Kestrel server): answers hashing embeddings, and can be
/// told to fail with given status codes first, to fail until told otherwise, or to answer the wrong dimension.
/// </summary>
public sealed class FakeEmbeddingServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<int> scriptedFailures = new();

    private FakeEmbeddingServer(WebApplication app, int dimension)
    {
        this.app = app;
        Dimension = dimension;
    }

    public int Dimension { get; set; }

    /// <summary>While set, every request fails with this status.</summary>
    public int? FailWith { get; set; }

    public ConcurrentBag<int> BatchSizes { get; } = [];

    public int Requests => requests;

    public Uri BaseUrl { get; private set; } = null!;

    private int requests;

    public static async Task<FakeEmbeddingServer> StartAsync(int dimension)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeEmbeddingServer(app, dimension);
        app.MapPost("/v1/embeddings", server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUrl = new Uri(address.TrimEnd('/') + "/v1");
        return server;
    }

    public void FailNext(params int[] statuses)
    {
        foreach (var status in statuses)
        {
            scriptedFailures.Enqueue(status);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        Interlocked.Increment(ref requests);
        using var body = await JsonDocument.ParseAsync(context.Request.Body);
        if (scriptedFailures.TryDequeue(out var status) || FailWith is { } failing && (status = failing) > 0)
        {
            context.Response.StatusCode = status;
            await context.Response.WriteAsync("""{"error":{"message":"scripted failure"}}""");
            return;
        }

        if (context.Request.Headers.Authorization.ToString() != "Bearer test-openai-key")
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        var inputs = body.RootElement.GetProperty("input").EnumerateArray().Select(i => i.GetString()!).ToList();
        BatchSizes.Add(inputs.Count);
        var generator = new HashingEmbeddingGenerator(Dimension);
        await context.Response.WriteAsJsonAsync(new
        {
            @object = "list",
            model = body.RootElement.GetProperty("model").GetString(),
            // Reversed on purpose: clients must order by index.
            data = inputs.Select((text, index) => new { @object = "embedding", index, embedding = generator.Embed(text) }).Reverse(),
        });
    }
}
