using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Monolith.Bench;

/// <summary>
/// Updates through POST /telegram/webhook (real Kestrel, real PostgreSQL) to the built-in memory agent's reply at a fake
/// Bot API: updates per second end to end, the webhook's own answer time, and receipt-to-sendMessage latency.
/// </summary>
public sealed class TelegramWebhookScenario : IBenchmarkScenario
{
    private const string Token = "123456789:BENCH-token";
    private const string Secret = "bench-secret";

    public string Name => "telegram-webhook";

    public string Description =>
        "Text updates of many chats posted to POST /telegram/webhook (each chat's updates one after another, chats in parallel); "
        + "each is stored, deduplicated, handled by the built-in memory agent (conversation, message and its search row, reply, checkpoint) "
        + "and answered with sendMessage at a fake Bot API on 127.0.0.1. First at saturation, then at a fixed offered rate of half the "
        + "measured maximum.";

    public async Task RunAsync(BenchmarkContext context, CancellationToken cancellationToken)
    {
        var chats = context.Quick ? 20 : 50;
        var perChat = context.Quick ? 10 : 40;
        var sustainedSeconds = context.Quick ? 10 : 60;
        var report = context.Report;
        var console = Console.Out;
        Console.SetOut(TextWriter.Null);
        try
        {
            var saturation = await SaturateAsync(context.ServerUrl, chats, perChat, cancellationToken);
            var rate = saturation.UpdatesPerSecond / 2;
            var sustained = await OfferAsync(context.ServerUrl, chats, rate, (int)Math.Ceiling(rate * sustainedSeconds), cancellationToken);

            report.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Saturation: {chats * perChat} updates, {chats} chats × {perChat}, 4 workers, queue 1000, pool 10, load average {saturation.LoadAverage}\n"));
            report.WriteLine("| measure | value |");
            report.WriteLine("|---|---|");
            report.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| updates/s, webhook to sendMessage | {saturation.UpdatesPerSecond:0.0} |"));
            report.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| 503 answers: queue full / database busy (sent again after 200 ms) | {saturation.QueueFull} / {saturation.DatabaseBusy} |"));
            report.WriteLine($"| webhook answer p50 / p95 (ms) | {LatencyRecorder.Ms(saturation.Acks.Percentile(50))} / {LatencyRecorder.Ms(saturation.Acks.Percentile(95))} |");
            report.WriteLine($"| webhook receipt (first delivery) → sendMessage p50 / p95 / p99 (ms) | {Percentiles(saturation.EndToEnd)} |");
            report.WriteLine();
            report.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Sustainable rate: {sustained.Updates} updates offered at {rate:0.0}/s (half the saturation figure) for {sustainedSeconds} s over {chats} chats, load average {sustained.LoadAverage}\n"));
            report.WriteLine("| measure | value |");
            report.WriteLine("|---|---|");
            report.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| offered / achieved updates/s | {rate:0.0} / {sustained.UpdatesPerSecond:0.0} |"));
            report.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| updates sent more than 100 ms behind schedule (the previous post of the chat was still open) | {sustained.Late} |"));
            report.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| 503 answers: queue full / database busy | {sustained.QueueFull} / {sustained.DatabaseBusy} |"));
            report.WriteLine($"| webhook answer p50 / p95 (ms) | {LatencyRecorder.Ms(sustained.Acks.Percentile(50))} / {LatencyRecorder.Ms(sustained.Acks.Percentile(95))} |");
            report.WriteLine($"| webhook receipt → sendMessage p50 / p95 / p99 (ms) | {Percentiles(sustained.EndToEnd)} |");
        }
        finally
        {
            Console.SetOut(console);
        }
    }

    /// <summary>Every chat posts its updates back to back (waiting only for the webhook's 200): far more than the workers can answer.</summary>
    private static async Task<PhaseResult> SaturateAsync(string serverUrl, int chats, int perChat, CancellationToken cancellationToken)
    {
        await using var service = await BotService.StartAsync(serverUrl, cancellationToken);
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, chats).Select(async chat =>
        {
            var chatId = 7_000_000 + chat;
            for (var i = 0; i < perChat; i++)
            {
                var updateId = (chat * perChat) + i + 1;
                await service.DeliverAsync(updateId, chatId, $"note {i} of chat {chat}: buy milk and bread", cancellationToken);
            }
        }));

        return await service.FinishAsync(chats * perChat, started, 0, cancellationToken);
    }

    /// <summary>
    /// Open-loop at a fixed rate: update k is due at start + k / rate, on chat k mod chats. A chat sends its next update
    /// at its due time, or as soon as its previous post was answered if that took longer (counted as late).
    /// </summary>
    private static async Task<PhaseResult> OfferAsync(string serverUrl, int chats, double rate, int total, CancellationToken cancellationToken)
    {
        await using var service = await BotService.StartAsync(serverUrl, cancellationToken);
        var late = 0;
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, chats).Select(async chat =>
        {
            var chatId = 8_000_000 + chat;
            for (var k = chat; k < total; k += chats)
            {
                var due = TimeSpan.FromSeconds(k / rate);
                var wait = due - Stopwatch.GetElapsedTime(started);
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, cancellationToken);
                }
                else if (wait < TimeSpan.FromMilliseconds(-100))
                {
                    Interlocked.Increment(ref late);
                }

                await service.DeliverAsync(k + 1, chatId, $"note {k} of chat {chat}: buy milk and bread", cancellationToken);
            }
        }));

        return await service.FinishAsync(total, started, late, cancellationToken);
    }

    private static string Percentiles(LatencyRecorder latencies) =>
        $"{LatencyRecorder.Ms(latencies.Percentile(50))} / {LatencyRecorder.Ms(latencies.Percentile(95))} / {LatencyRecorder.Ms(latencies.Percentile(99))}";

    private static string Update(int updateId, long chatId, string text) => new JsonObject
    {
        ["update_id"] = updateId,
        ["message"] = new JsonObject
        {
            ["message_id"] = updateId,
            ["from"] = new JsonObject { ["id"] = chatId, ["is_bot"] = false, ["first_name"] = "Bench" },
            ["chat"] = new JsonObject { ["id"] = chatId, ["type"] = "private", ["first_name"] = "Bench" },
            ["date"] = 1_700_000_000,
            ["text"] = text,
        },
    }.ToJsonString();

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";

    /// <summary>What one phase measured.</summary>
    private sealed record PhaseResult(
        int Updates, double UpdatesPerSecond, int QueueFull, int DatabaseBusy, int Late, LatencyRecorder Acks, LatencyRecorder EndToEnd, string LoadAverage);

    /// <summary>One phase's service: a scratch database, a fake Bot API and the real service on Kestrel with the bot on.</summary>
    private sealed class BotService : IAsyncDisposable
    {
        private readonly ScratchDatabase database;
        private readonly FakeBotApi botApi;
        private readonly WebApplication app;
        private readonly HttpClient http;
        private readonly ConcurrentDictionary<long, ConcurrentQueue<long>> posted = new();
        private int queueFull;
        private int databaseBusy;

        private BotService(ScratchDatabase database, FakeBotApi botApi, WebApplication app)
        {
            this.database = database;
            this.botApi = botApi;
            this.app = app;
            http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        }

        public LatencyRecorder Acks { get; } = new();

        public static async Task<BotService> StartAsync(string serverUrl, CancellationToken cancellationToken)
        {
            var database = await ScratchDatabase.CreateAsync(serverUrl, "monolith_bench", cancellationToken);
            var botApi = await FakeBotApi.StartAsync(cancellationToken);
            var settings = BenchHost.Settings(database.ConnectionString);
            settings["TELEGRAM_BOT_TOKEN"] = Token;
            settings["TELEGRAM_WEBHOOK_SECRET"] = Secret;
            settings["TELEGRAM_API_BASE_URL"] = botApi.BaseUrl.ToString();
            var app = await BenchHost.OnLoopbackAsync(settings, cancellationToken);
            return new BotService(database, botApi, app);
        }

        /// <summary>Posts one update until it is accepted; a 503 is delivered again after 200 ms, as Telegram does (later).</summary>
        public async Task DeliverAsync(int updateId, long chatId, string text, CancellationToken cancellationToken)
        {
            var body = Update(updateId, chatId, text);
            posted.GetOrAdd(chatId, _ => new ConcurrentQueue<long>()).Enqueue(Stopwatch.GetTimestamp());
            while (true)
            {
                using var content = new StringContent(body, Encoding.UTF8, "application/json");
                using var request = new HttpRequestMessage(HttpMethod.Post, "/telegram/webhook") { Content = content };
                request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", Secret);
                var sentAt = Stopwatch.GetTimestamp();
                using var response = await http.SendAsync(request, cancellationToken);
                Acks.Add(Stopwatch.GetElapsedTime(sentAt).TotalMilliseconds);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }

                if (response.StatusCode != HttpStatusCode.ServiceUnavailable)
                {
                    throw new InvalidOperationException($"webhook answered {(int)response.StatusCode}");
                }

                var detail = await response.Content.ReadAsStringAsync(cancellationToken);
                Interlocked.Increment(ref detail.Contains("queue is full", StringComparison.Ordinal) ? ref queueFull : ref databaseBusy);
                await Task.Delay(200, cancellationToken);
            }
        }

        /// <summary>Waits for every reply; the n-th reply of a chat belongs to its n-th update (a chat's replies are in order).</summary>
        public async Task<PhaseResult> FinishAsync(int total, long started, int late, CancellationToken cancellationToken)
        {
            await botApi.WaitForAsync(total, TimeSpan.FromMinutes(10), cancellationToken);
            var elapsed = Stopwatch.GetElapsedTime(started);
            var endToEnd = new LatencyRecorder();
            foreach (var (chatId, replies) in botApi.RepliesByChat)
            {
                var sends = posted[chatId].ToArray();
                var answered = replies.ToArray();
                for (var i = 0; i < sends.Length; i++)
                {
                    endToEnd.Add(Stopwatch.GetElapsedTime(sends[i], answered[i]).TotalMilliseconds);
                }
            }

            return new PhaseResult(total, total / elapsed.TotalSeconds, queueFull, databaseBusy, late, Acks, endToEnd, LoadAverage());
        }

        public async ValueTask DisposeAsync()
        {
            http.Dispose();
            await app.StopAsync(CancellationToken.None);
            await app.DisposeAsync();
            await botApi.DisposeAsync();
            await database.DisposeAsync();
        }
    }

    /// <summary>The Bot API stand-in: answers sendMessage and notes when each chat's replies arrived.</summary>
    private sealed class FakeBotApi(WebApplication app) : IAsyncDisposable
    {
        private int received;

        public Uri BaseUrl => new(app.Urls.First());

        public ConcurrentDictionary<long, ConcurrentQueue<long>> RepliesByChat { get; } = new();

        public static async Task<FakeBotApi> StartAsync(CancellationToken cancellationToken)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            var app = builder.Build();
            var fake = new FakeBotApi(app);
            app.MapPost("/bot{token}/sendMessage", fake.SendMessageAsync);
            await app.StartAsync(cancellationToken);
            return fake;
        }

        public async Task WaitForAsync(int count, TimeSpan timeout, CancellationToken cancellationToken)
        {
            var started = Stopwatch.StartNew();
            while (Volatile.Read(ref received) < count)
            {
                if (started.Elapsed > timeout)
                {
                    throw new TimeoutException($"only {received} of {count} replies arrived");
                }

                await Task.Delay(5, cancellationToken);
            }
        }

        public async ValueTask DisposeAsync()
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }

        private async Task<IResult> SendMessageAsync(HttpRequest request)
        {
            var at = Stopwatch.GetTimestamp();
            var body = (await request.ReadFromJsonAsync<JsonObject>())!;
            var chatId = body["chat_id"]!.GetValue<long>();
            RepliesByChat.GetOrAdd(chatId, _ => new ConcurrentQueue<long>()).Enqueue(at);
            var id = Interlocked.Increment(ref received);
            return Results.Text(
                $"{{\"ok\":true,\"result\":{{\"message_id\":{id},\"date\":1700000000,\"chat\":{{\"id\":{chatId},\"type\":\"private\"}},\"text\":\"ok\"}}}}",
                "application/json");
        }
    }
}
