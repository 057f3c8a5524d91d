using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Monolith.Host;

namespace Monolith.Tests.Support;

/// <summary>The real service on Kestrel at a free 127.0.0.1 port, for clients that need a real socket (a browser).</summary>
public sealed class LoopbackHost : IAsyncDisposable
{
    private LoopbackHost(WebApplication app, Uri address)
    {
        App = app;
        Address = address;
    }

    public WebApplication App { get; }

    public Uri Address { get; }

    public IServiceProvider Services => App.Services;

    public static async Task<LoopbackHost> StartAsync(IDictionary<string, string?> settings)
    {
        var app = MonolithApplication.Build([], builder => builder.Configuration.AddInMemoryCollection(settings));
        app.Urls.Clear();
        app.Urls.Add("http://127.0.0.1:0");
        await MonolithApplication.PrepareAsync(app.Services, CancellationToken.None);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new LoopbackHost(app, new Uri(address));
    }

    public HttpClient Client(string? apiKey = TestKeys.Service) => SocketClient.Create(Address, apiKey);

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
