using Microsoft.Extensions.DependencyInjection;
using Monolith.Configuration;

namespace Monolith.Agents;

/// <summary>The agent runtime: the assistant with an optional chat model, the built-in memory agent and their tools.</summary>
public static class AgentsModule
{
    public static IServiceCollection AddAgentsModule(this IServiceCollection services, SettingReader settings)
    {
        var model = ChatModelSettings.Read(settings);
        services.AddSingleton(model);
        services.AddSingleton(MemorySettings.Read(settings));
        services.AddHttpClient<ChatModelClient>(http => http.Timeout = Timeout.InfiniteTimeSpan);
        services.AddScoped<ConversationMemory>();
        services.AddScoped<AgentCatalog>();
        services.AddScoped<BuiltInTools>();
        services.AddSingleton<EntityTools>();
        services.AddSingleton(SchemaProposalSettings.Read(settings));
        services.AddScoped<SchemaChangeTool>();
        services.AddScoped<MemoryAgent>();
        services.AddScoped<ModelAgent>();
        services.AddScoped<AgentRuntime>();
        services.AddScoped<ToolCallRecorder>();
        services.AddSingleton<TurnCheckpoints>();
        return services;
    }
}
