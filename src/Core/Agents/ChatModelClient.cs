using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Monolith.Agents;

/// <summary>Calls an OpenAI-compatible /v1/chat/completions endpoint with CHAT_MODEL_TIMEOUT_SECONDS per call.</summary>
public sealed class ChatModelClient(HttpClient http, ChatModelSettings settings)
{
    /// <summary>Sends one completion request; returns choices[0].message.</summary>
    public async Task<JsonObject> CompleteAsync(JsonObject request, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.Timeout);
        using var message = new HttpRequestMessage(HttpMethod.Post, settings.CompletionsUrl)
        {
            Content = JsonContent.Create(request),
        };
        if (settings.ApiKey is not null)
        {
            message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", settings.ApiKey);
        }

        try
        {
            using var response = await http.SendAsync(message, timeout.Token);
            if (!response.IsSuccessStatusCode)
            {
                throw new ChatModelException($"the model answered HTTP {(int)response.StatusCode}");
            }

            var body = await response.Content.ReadFromJsonAsync<JsonObject>(timeout.Token);
            return body?["choices"]?[0]?["message"] as JsonObject
                ?? throw new ChatModelException("the model's answer has no choices[0].message");
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ChatModelException($"the model did not answer within {settings.Timeout.TotalSeconds:0} s", e);
        }
        catch (Exception e) when (e is HttpRequestException or JsonException or InvalidOperationException)
        {
            throw new ChatModelException($"the model could not be used: {e.Message}", e);
        }
    }
}
