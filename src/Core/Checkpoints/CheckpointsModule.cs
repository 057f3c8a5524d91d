using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using Monolith.Database;

namespace Monolith.Checkpoints;

/// <summary>LangGraph checkpoints, their channel values and pending writes. Exports <see cref="CheckpointStore"/> to other modules.</summary>
public static class CheckpointsModule
{
    public static IServiceCollection AddCheckpointsModule(this IServiceCollection services)
    {
        services.AddSingleton<CheckpointStore>();
        services.AddScoped<IValidator<PutCheckpointRequest>, PutCheckpointValidator>();
        services.AddScoped<IValidator<LatestCheckpointQuery>, LatestCheckpointValidator>();
        services.AddScoped<IValidator<GetCheckpointQuery>, GetCheckpointValidator>();
        services.AddScoped<IValidator<ListCheckpointsQuery>, ListCheckpointsValidator>();
        services.AddScoped<IValidator<PutWritesRequest>, PutWritesValidator>();
        services.AddScoped<IValidator<DeleteThreadRequest>, DeleteThreadValidator>();
        return services.AddModuleDbContext<CheckpointsDbContext>("checkpoints");
    }
}
