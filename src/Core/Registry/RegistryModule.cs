using Microsoft.Extensions.DependencyInjection;
using Monolith.Database;

namespace Monolith.Registry;

/// <summary>The agents and tools registries, with tool usage.</summary>
public static class RegistryModule
{
    public static IServiceCollection AddRegistryModule(this IServiceCollection services) =>
        services.AddModuleDbContext<RegistryDbContext>("registry", order: 2);
}
