using Microsoft.Extensions.DependencyInjection;
using Monolith.Database;

namespace Monolith.Checkpoints;

/// <summary>LangGraph-style checkpoints and pending writes.</summary>
public static class CheckpointsModule
{
    public static IServiceCollection AddCheckpointsModule(this IServiceCollection services) =>
        services.AddModuleDbContext<CheckpointsDbContext>("checkpoints", order: 4);
}
