using Microsoft.Extensions.DependencyInjection;
using Monolith.Database;

namespace Monolith.Conversations;

/// <summary>Conversations and their messages.</summary>
public static class ConversationsModule
{
    public static IServiceCollection AddConversationsModule(this IServiceCollection services) =>
        services.AddModuleDbContext<ConversationsDbContext>("conversations", order: 3);
}
