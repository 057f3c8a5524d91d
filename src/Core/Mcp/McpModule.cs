using FluentValidation;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol;
using ModelContextProtocol.AspNetCore;
using ModelContextProtocol.Protocol;
using Monolith.Http;

namespace Monolith.Mcp;

/// <summary>Monolith as an MCP server over streamable HTTP at /mcp: memory, conversations, one tool set per dynamic entity.</summary>
public static class McpModule
{
    /// <summary>The authorization policy of /mcp: the service or admin key, or a user key.</summary>
    public const string Policy = "mcp";

    public static IServiceCollection AddMcpModule(this IServiceCollection services)
    {
        services.AddSingleton<McpUserKeys>();
        services.AddScoped<IValidator<IssueUserKeyRequest>, IssueUserKeyValidator>();
        services.AddSingleton<McpSessions>();
        services.AddSingleton<McpToolbox>();
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, McpKeyAuthentication>(McpKeyAuthentication.SchemeName, null);
        services.AddAuthorizationBuilder().AddPolicy(Policy, policy => policy
            .AddAuthenticationSchemes(McpKeyAuthentication.SchemeName)
            .RequireAuthenticatedUser());
        services.AddMcpServer(options =>
            {
                options.ServerInfo = new Implementation { Name = "monolith", Version = "1" };
                options.Capabilities = new ServerCapabilities { Tools = new ToolsCapability { ListChanged = true } };
            })
            .WithHttpTransport(options =>
            {
                // Stateful, so a connected client hears tools/list_changed on its GET stream; clients of newer protocol
                // revisions are served the initialize handshake.
                options.SessionMode = HttpServerSessionMode.Stateful;
#pragma warning disable MCPEXP002 // The session handler is how a server learns that a session ended; no stable API says so.
                options.RunSessionHandler = (context, server, cancellationToken) =>
                    context.RequestServices.GetRequiredService<McpSessions>().RunAsync(server, cancellationToken);
#pragma warning restore MCPEXP002
            })
            .WithListToolsHandler((request, _) =>
                ValueTask.FromResult(new ListToolsResult { Tools = request.Services!.GetRequiredService<McpToolbox>().List() }))
            .WithCallToolHandler(async (request, cancellationToken) =>
            {
                var call = request.Params ?? throw new McpProtocolException("tools/call needs params.", McpErrorCode.InvalidParams);
                var services = request.Services!;
                McpCaller caller;
                try
                {
                    caller = McpCaller.From(request.User);
                }
                catch (McpToolRefusedException refusal)
                {
                    throw new McpProtocolException(refusal.Message, McpErrorCode.InvalidRequest);
                }

                return await services.GetRequiredService<McpToolbox>().CallAsync(call, caller, services, cancellationToken);
            });
        return services;
    }
}
