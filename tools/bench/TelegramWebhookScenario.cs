using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Monolith.Database;
using Monolith.Host;
using Npgsql;

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
        + "each is stored, deduplicated, handled by the built-in memory agent (conversation, message, reply, checkpoint) and answered "
        + "with sendMessage at a fake Bot API on 127.0.0.1.";

    public async Task RunAsync(BenchmarkContext context, CancellationToken cancellationToken)
    {
        var chats = context.Quick ? 20 : 50;
        var perChat = context.Quick ? 10 : 40;
        var database = await CreateDatabaseAsync(context.ServerUrl, cancellationToken);
        var report = context.Report;
        var console = Console.Out;
        Console.SetOut(TextWriter.Null);
        try
        {
            await using var botApi = await FakeBotApi.StartAsync(cancellationToken);
            var port = FreePort();
            var app = MonolithApplication.Build([], builder =>
            {
                builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
                {
                    ["DATABASE_URL"] = database.ConnectionString,
                    ["API_KEY"] = "bench-service-key-0123456789",
                    ["ADMIN_API_KEY"] = "bench-admin-key-0123456789ab",
                    ["PORT"] = port.ToString(CultureInfo.InvariantCulture),
                    ["TELEGRAM_BOT_TOKEN"] = Token,
                    ["TELEGRAM_WEBHOOK_SECRET"] = Secret,
                    ["TELEGRAM_API_BASE_URL"] = botApi.BaseUrl.ToString(),
                    ["Logging:LogLevel:Default"] = "Warning",
                });
            });
            await MonolithApplication.PrepareAsync(app.Services, cancellationToken);
            await app.StartAsync(cancellationToken);
            try
            {
                using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
                var acks = new LatencyRecorder();
                var queueFull = 0;
                var databaseBusy = 0;
                var posted = new ConcurrentDictionary<long, ConcurrentQueue<long>>();
                var started = Stopwatch.GetTimestamp();
                await Task.WhenAll(Enumerable.Range(0, chats).Select(async chat =>
                {
                    var chatId = 7_000_000 + chat;
                    var times = posted.GetOrAdd(chatId, _ => new ConcurrentQueue<long>());
                    for (var i = 0; i < perChat; i++)
                    {
                        var updateId = (chat * perChat) + i + 1;
                        var body = Update(updateId, chatId, $"note {i} of chat {chat}: buy milk and bread");
                        var firstSentAt = Stopwatch.GetTimestamp();
                        times.Enqueue(firstSentAt);
                        while (true)
                        {
                            using var content = new StringContent(body, Encoding.UTF8, "application/json");
                            using var request = new HttpRequestMessage(HttpMethod.Post, "/telegram/webhook") { Content = content };
                            request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", Secret);
                            var sentAt = Stopwatch.GetTimestamp();
                            using var response = await http.SendAsync(request, cancellationToken);
                            acks.Add(Stopwatch.GetElapsedTime(sentAt).TotalMilliseconds);
                            if (response.StatusCode == HttpStatusCode.OK)
                            {
                                break;
                            }

                            if (response.StatusCode != HttpStatusCode.ServiceUnavailable)
                            {
                                throw new InvalidOperationException($"webhook answered {(int)response.StatusCode}");
                            }

                            // As Telegram does, deliver the refused update again later (sooner than Telegram would, to keep the run short).
                            var detail = await response.Content.ReadAsStringAsync(cancellationToken);
                            Interlocked.Increment(ref detail.Contains("queue is full", StringComparison.Ordinal) ? ref queueFull : ref databaseBusy);
                            await Task.Delay(200, cancellationToken);
                        }
                    }
                }));

                var total = chats * perChat;
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

                report.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{total} updates, {chats} chats × {perChat}, 4 workers, queue 1000, pool 10, measured under load average {LoadAverage()}\n"));
                report.WriteLine("| measure | value |");
                report.WriteLine("|---|---|");
                report.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| updates/s, webhook to sendMessage | {total / elapsed.TotalSeconds:0.0} |"));
                report.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| 503 answers: queue full / database busy (sent again after 200 ms) | {queueFull} / {databaseBusy} |"));
                report.WriteLine($"| webhook answer p50 / p95 (ms) | {LatencyRecorder.Ms(acks.Percentile(50))} / {LatencyRecorder.Ms(acks.Percentile(95))} |");
                report.WriteLine($"| webhook receipt (first delivery) → sendMessage p50 / p95 / p99 (ms) | {LatencyRecorder.Ms(endToEnd.Percentile(50))} / {LatencyRecorder.Ms(endToEnd.Percentile(95))} / {LatencyRecorder.Ms(endToEnd.Percentile(99))} |");
            }
            finally
            {
                await app.StopAsync(CancellationToken.None);
                await app.DisposeAsync();
            }
        }
        finally
        {
            Console.SetOut(console);
            await database.DisposeAsync();
        }
    }

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

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<ScratchDatabase> CreateDatabaseAsync(string serverUrl, CancellationToken cancellationToken)
    {
        var server = DatabaseSettings.Parse(serverUrl);
        server.Pooling = false;
        var name = $"monolith_bench_{Guid.NewGuid():N}"[..40];
        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await create.ExecuteNonQueryAsync(cancellationToken);
        return new ScratchDatabase(server.ConnectionString, name);
    }

    /// <summary>A database for one run, dropped afterwards.</summary>
    private sealed class ScratchDatabase(string serverConnectionString, string name) : IAsyncDisposable
    {
        public string ConnectionString => new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = name, Pooling = true }.ConnectionString;

        public async ValueTask DisposeAsync()
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(serverConnectionString);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
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
