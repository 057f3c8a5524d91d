using System.Text.Json;
using System.Text.Json.Nodes;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using Monolith.Conversations;
using Monolith.DynamicEntities;
using Monolith.Http;
using Monolith.Mechanic;
using Monolith.Schema;
using Monolith.Search;

namespace Monolith.Mcp;

/// <summary>Lists Monolith's MCP tools for the served schema and runs a call as the user it names.</summary>
public sealed class McpToolbox(SchemaCatalog catalog)
{
    /// <summary>Arguments larger than this (as JSON) are refused before any work.</summary>
    public const int MaxArgumentBytes = 64 * 1024;

    private static readonly JsonSerializerOptions Json = CreateJson();

    public IList<Tool> List() => [.. ServiceTools.All, .. EntityTools.For(catalog.Current)];

    /// <exception cref="McpProtocolException">The tool does not exist (a protocol error, as the specification asks).</exception>
    public async Task<CallToolResult> CallAsync(CallToolRequestParams call, McpCaller caller, IServiceProvider services, CancellationToken cancellationToken)
    {
        var version = catalog.Current;
        var entity = EntityTools.Find(version, call.Name);
        if (entity is null && !ServiceTools.All.Any(t => t.Name == call.Name))
        {
            throw new McpProtocolException($"Unknown tool: '{call.Name}'.", McpErrorCode.InvalidParams);
        }

        try
        {
            if (call.Arguments is { } raw && JsonSerializer.SerializeToUtf8Bytes(raw).Length > MaxArgumentBytes)
            {
                throw new McpToolRefusedException($"The arguments exceed {MaxArgumentBytes} bytes.");
            }

            var arguments = new McpArguments(call.Arguments);
            var userId = caller.ActFor(arguments.RequiredLong("userId"));
            var result = entity is { } target
                ? await CallEntityAsync(version, target.Shape, target.Operation, userId, arguments, services, cancellationToken)
                : await CallServiceAsync(call.Name, userId, arguments, services, cancellationToken);
            return new CallToolResult { Content = [new TextContentBlock { Text = result.ToJsonString(Json) }] };
        }
        catch (Exception ex) when (Refusal(ex) is { } message)
        {
            return new CallToolResult { IsError = true, Content = [new TextContentBlock { Text = message }] };
        }
    }

    private static async Task<JsonNode> CallEntityAsync(
        SchemaVersion version, EntityShape shape, string operation, long userId, McpArguments arguments, IServiceProvider services, CancellationToken cancellationToken)
    {
        var store = services.GetRequiredService<DynamicEntityStore>();
        switch (operation)
        {
            case EntityTools.Create:
                var values = JsonSerializer.SerializeToNode(arguments.RequiredObject("values"))!.AsObject();
                values[EntityInputValidator.CreatedBy] = userId;
                return await store.CreateAsync(version, shape, EntityInput.Parse(JsonSerializer.SerializeToElement(values)), cancellationToken);
            case EntityTools.List:
                var page = await store.ListAsync(shape, new EntityListQuery(userId, arguments.OptionalInt("limit", 1, 100), arguments.OptionalText("cursor", 1000)), cancellationToken);
                return JsonSerializer.SerializeToNode(page, Json)!;
            case EntityTools.Get:
                return await store.GetAsync(shape, arguments.RequiredGuid("id"), userId, cancellationToken);
            case EntityTools.Update:
                var changes = arguments.RequiredObject("values");
                if (changes.TryGetProperty(EntityInputValidator.CreatedBy, out _))
                {
                    throw new McpToolRefusedException("'createdBy' cannot be changed.");
                }

                return await store.PatchAsync(version, shape, arguments.RequiredGuid("id"), userId, EntityInput.Parse(changes), cancellationToken);
            default:
                var id = arguments.RequiredGuid("id");
                await store.DeleteAsync(shape, id, userId, cancellationToken);
                return new JsonObject { ["deleted"] = id };
        }
    }

    private static async Task<JsonNode> CallServiceAsync(string tool, long userId, McpArguments arguments, IServiceProvider services, CancellationToken cancellationToken)
    {
        switch (tool)
        {
            case ServiceTools.MemorySearch:
                var mode = arguments.OptionalText("mode", 20) switch
                {
                    null or "hybrid" => SearchMode.Hybrid,
                    "full_text" => SearchMode.FullText,
                    "semantic" => SearchMode.Semantic,
                    _ => throw new McpToolRefusedException("'mode' must be hybrid, full_text or semantic."),
                };
                var hits = await services.GetRequiredService<DocumentSearch>().SearchAsync(
                    userId, arguments.RequiredText("query", 2000), arguments.OptionalInt("limit", 1, 50) ?? 10, null, mode, cancellationToken);
                return JsonSerializer.SerializeToNode(new { hits }, Json)!;
            case ServiceTools.ConversationHistory:
                var log = services.GetRequiredService<ConversationLog>();
                var conversation = await log.FindAsync(arguments.RequiredGuid("conversationId"), userId, cancellationToken);
                var messages = await log.HistoryAsync(conversation.Id, null, arguments.OptionalInt("limit", 1, 200) ?? 50, cancellationToken);
                return JsonSerializer.SerializeToNode(new { conversation, messages }, Json)!;
            default:
                var request = new ChangeRequest(
                    arguments.RequiredText("instruction", 4000), $"mcp user {userId}", arguments.OptionalObject("entity"), arguments.OptionalText("source", 100_000));
                await services.GetRequiredService<IValidator<ChangeRequest>>().ValidateAndThrowAsync(request, cancellationToken);
                var proposal = await services.GetRequiredService<MechanicPipeline>().ProposeAsync(
                    request, new MechanicCaller(MechanicCaller.ProposerRole, ReviewChannel.Api), cancellationToken);
                return JsonSerializer.SerializeToNode(SchemaProposalView.From(proposal), Json)!;
        }
    }

    /// <summary>The message a tool error shows for a failure the caller can act on; null for a fault of the service.</summary>
    private static string? Refusal(Exception ex) => ex switch
    {
        McpToolRefusedException or NotFoundException or GoneException or ConflictException => ex.Message,
        BadRequestException bad => bad.Message,
        ValidationException invalid => string.Join(" ", invalid.Errors.Select(e => $"{e.PropertyName}: {e.ErrorMessage}")),
        DraftsBusyException => "The Mechanic is busy with other drafts; try again shortly.",
        _ => null,
    };

    private static JsonSerializerOptions CreateJson()
    {
        var options = new JsonSerializerOptions();
        HttpModule.Configure(options);
        return options;
    }
}
