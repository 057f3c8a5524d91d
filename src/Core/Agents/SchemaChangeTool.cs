using System.Text.Json;
using System.Text.Json.Nodes;
using FluentValidation;
using Monolith.Http;
using Monolith.Mechanic;

namespace Monolith.Agents;

/// <summary>
/// propose_schema_change: the assistant asks the Mechanic for a new entity or new fields, in the structured entity
/// format of docs/mechanic.md, with the user's words as the instruction. The proposal goes through every rule, the
/// dry run and review like any other; the model's entity is untrusted input and a refusal is a tool result.
/// </summary>
public sealed class SchemaChangeTool(MechanicPipeline pipeline, IValidator<ChangeRequest> validator, SchemaProposalSettings settings)
{
    public const string Name = "propose_schema_change";

    public static ToolDefinition Definition { get; } = new(
        Name,
        "Ask the administrators for a new kind of record (entity) or new fields on an existing one, when the user needs to keep something no tool stores yet. "
            + "Send the whole entity as it should be: its name (PascalCase) and every field (existing ones too). An administrator reviews it; its tools appear once it is applied.",
        JsonNode.Parse("""
            {"type":"object","properties":{"entity":{"type":"object","description":"the entity: {name, fields:[{name, type (string|text|int|bigint|decimal|bool|datetime|date|uuid|json), maxLength, required, default, references, searchable}]}"}},"required":["entity"]}
            """)!.AsObject(),
        Name);

    /// <summary>The actor a proposal records: the agent and the user it acted for.</summary>
    public static string Actor(string agent, long userId) => $"agent:{agent} user:{userId}";

    public async Task<JsonObject> ExecuteAsync(string agent, string arguments, TurnScope scope, CancellationToken cancellationToken)
    {
        JsonElement entity;
        try
        {
            entity = JsonDocument.Parse(string.IsNullOrWhiteSpace(arguments) ? "{}" : arguments).RootElement.TryGetProperty("entity", out var e) ? e.Clone() : default;
        }
        catch (JsonException e)
        {
            return BuiltInTools.Error($"arguments are not a JSON object: {e.Message}");
        }

        if (entity.ValueKind != JsonValueKind.Object)
        {
            return BuiltInTools.Error("entity is required: the whole entity as a JSON object");
        }

        var actor = Actor(agent, scope.UserId);
        if (await pipeline.CountProposedSinceAsync(actor, DateTime.UtcNow.Date, cancellationToken) >= settings.PerUserPerDay)
        {
            return BuiltInTools.Error(
                $"the user has made {settings.PerUserPerDay} schema change request(s) today, the daily limit; tell them politely to try again tomorrow");
        }

        var request = new ChangeRequest(string.IsNullOrWhiteSpace(scope.Text) ? "(no words)" : scope.Text, actor, entity, null);
        var validation = await validator.ValidateAsync(request, cancellationToken);
        if (!validation.IsValid)
        {
            return BuiltInTools.Error(string.Join(" ", validation.Errors.Select(e => e.ErrorMessage)));
        }

        try
        {
            var proposal = await pipeline.ProposeAsync(request, MechanicCaller.Bot, cancellationToken);
            return new JsonObject
            {
                ["proposal"] = proposal.Id,
                ["status"] = proposal.Status,
                ["entity"] = proposal.EntityName,
                ["findings"] = JsonNode.Parse(proposal.Findings),
                ["error"] = proposal.Status is ProposalStatus.Rejected or ProposalStatus.Failed
                    ? proposal.Error ?? proposal.RejectReason ?? "the change was refused by the safety rules or the dry run"
                    : null,
            };
        }
        catch (Exception e) when (e is ValidationException or BadRequestException or ConflictException or DraftsBusyException or GoneException or NotFoundException)
        {
            return BuiltInTools.Error("the change request was refused: " + e.Message);
        }
    }
}
