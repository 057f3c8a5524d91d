namespace Monolith.Tests.Support;

/// <summary>An HttpClient for a service listening on a real socket, sending <c>X-Api-Key</c> when a key is given.</summary>
public static class SocketClient
{
    public static HttpClient Create(Uri address, string? apiKey)
    {
        var client = new HttpClient { BaseAddress = address };
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        }

        return client;
    }
}
