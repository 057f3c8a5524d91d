using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using Monolith.Database;

namespace Monolith.Checkpoints;

/// <summary>LangGraph-style checkpoints and pending writes.</summary>
public static class CheckpointsModule
{
    public static IServiceCollection AddCheckpointsModule(this IServiceCollection services)
    {
        services.AddSingleton<CheckpointStore>();
        services.AddScoped<IValidator<PutCheckpointRequest>, PutCheckpointRequestValidator>();
        services.AddScoped<IValidator<LatestCheckpointQuery>, LatestCheckpointQueryValidator>();
        services.AddScoped<IValidator<CheckpointQuery>, CheckpointQueryValidator>();
        services.AddScoped<IValidator<ListCheckpointsQuery>, ListCheckpointsQueryValidator>();
        services.AddScoped<IValidator<PutWritesRequest>, PutWritesRequestValidator>();
        services.AddScoped<IValidator<DeleteThreadRequest>, DeleteThreadRequestValidator>();
        return services.AddModuleDbContext<CheckpointsDbContext>("checkpoints");
    }
}
