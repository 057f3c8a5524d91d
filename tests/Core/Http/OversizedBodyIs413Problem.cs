using System.Net.Sockets;
using System.Text;
using Monolith.Tests.Support;

namespace Monolith.Tests.Core.Http;

/// <summary>
/// A body over Kestrel's 16 MiB limit is refused as problem+json, on the real server over a raw socket (the in-memory
/// test server has no such limit).
/// </summary>
[Collection(SharedDatabase.Name)]
public sealed class OversizedBodyIs413Problem(MonolithFixture fixture) : IAsyncLifetime
{
    private LoopbackHost? host;

    public async Task InitializeAsync() => host = await LoopbackHost.StartAsync(TestHost.Settings(fixture.ConnectionString));

    public async Task DisposeAsync()
    {
        if (host is not null)
        {
            await host.DisposeAsync();
        }
    }

    [Theory]
    [InlineData("PUT /api/search/documents HTTP/1.1\r\nContent-Type: application/json\r\nContent-Length: 16777217", 413)]
    [InlineData("POST /api/conversations HTTP/1.1\r\nContent-Type: application/json\r\nContent-Length: 17000000", 413)]
    public async Task RejectionIsProblemJson(string requestHead, int status)
    {
        var response = await SendAsync($"{requestHead}\r\nHost: 127.0.0.1\r\nX-Api-Key: {TestKeys.Service}\r\n\r\n{{\"userId\":1}}");
        Assert.StartsWith($"HTTP/1.1 {status} ", response, StringComparison.Ordinal);
        Assert.Contains("Content-Type: application/problem+json", response, StringComparison.OrdinalIgnoreCase);
        Assert.Contains($"\"status\":{status}", response, StringComparison.Ordinal);
    }

    private async Task<string> SendAsync(string request)
    {
        using var socket = new TcpClient();
        await socket.ConnectAsync(host!.Address.Host, host.Address.Port);
        var stream = socket.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var response = new StringBuilder();
        var buffer = new char[4096];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            int read;
            while ((read = await reader.ReadAsync(buffer, timeout.Token)) > 0)
            {
                response.Append(buffer, 0, read);
                if (response.ToString().Contains("\"status\":", StringComparison.Ordinal) && response.ToString().EndsWith('}'))
                {
                    break;
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException)
        {
            // The server may close (or reset) the connection after a rejection; what arrived is the answer.
        }

        return response.ToString();
    }
}
