using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using Monolith.Database;

namespace Monolith.Conversations;

/// <summary>Conversations and their messages. Exports <see cref="ConversationLog"/> to other modules.</summary>
public static class ConversationsModule
{
    public static IServiceCollection AddConversationsModule(this IServiceCollection services)
    {
        services.AddSingleton<ConversationLog>();
        services.AddScoped<IValidator<StartConversationRequest>, StartConversationValidator>();
        services.AddScoped<IValidator<ListConversationsQuery>, ListConversationsValidator>();
        services.AddScoped<IValidator<GetConversationQuery>, GetConversationValidator>();
        services.AddScoped<IValidator<AppendMessageRequest>, AppendMessageValidator>();
        services.AddScoped<IValidator<ListMessagesQuery>, ListMessagesValidator>();
        services.AddScoped<IValidator<SearchMessagesQuery>, SearchMessagesValidator>();
        services.AddScoped<IValidator<UserStatsQuery>, UserStatsValidator>();
        return services.AddModuleDbContext<ConversationsDbContext>("conversations");
    }
}
