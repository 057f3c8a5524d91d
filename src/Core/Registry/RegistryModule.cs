using FluentValidation;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Monolith.Configuration;
using Monolith.Database;

namespace Monolith.Registry;

/// <summary>The agents and tools registries, with tool usage. Other modules use AgentRegistry, ToolRegistry and ToolUsageLog.</summary>
public static class RegistryModule
{
    public static IServiceCollection AddRegistryModule(this IServiceCollection services, SettingReader settings)
    {
        services.AddSingleton(AgentConfigDirectory.Read(settings));
        services.AddScoped<AgentRegistry>();
        services.AddScoped<ToolRegistry>();
        services.AddScoped<ToolUsageLog>();
        services.AddScoped<IValidator<RegistryListQuery>, RegistryListQueryValidator>();
        services.AddScoped<IValidator<CreateAgentRequest>, CreateAgentRequestValidator>();
        services.AddScoped<IValidator<UpdateAgentRequest>, UpdateAgentRequestValidator>();
        services.AddScoped<IValidator<CreateToolRequest>, CreateToolRequestValidator>();
        services.AddScoped<IValidator<UpdateToolRequest>, UpdateToolRequestValidator>();
        services.AddScoped<IValidator<RecordToolUsageRequest>, RecordToolUsageRequestValidator>();
        services.AddScoped<IValidator<ToolUsageQuery>, ToolUsageQueryValidator>();
        return services.AddModuleDbContext<RegistryDbContext>("registry");
    }

    public static IEndpointRouteBuilder MapRegistryEndpoints(this IEndpointRouteBuilder app) =>
        app.MapAgentEndpoints().MapToolEndpoints();
}
