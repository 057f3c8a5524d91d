using Microsoft.Extensions.Hosting;

namespace Monolith.Telegram;

/// <summary>Runs the update pipeline for the life of the web service when the bot is on.</summary>
public sealed class UpdatePipelineService(UpdatePipeline pipeline) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => pipeline.StartAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => pipeline.StopAsync();
}
