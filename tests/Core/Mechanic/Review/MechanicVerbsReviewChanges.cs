using Monolith.Host.Cli;
using Monolith.Mechanic;
using Monolith.Schema;

namespace Monolith.Tests.Core.Mechanic;

public sealed class MechanicVerbsReviewChanges
{
    [Fact]
    public async Task ListShowApproveAndRejectWorkFromTheCommandLine()
    {
        await using var env = await MechanicEnvironment.StartAsync();
        var first = DraftBuilder.CreateTable("Character", "characters", "20260101000000_CreateCharacter", ("Name", "name", FieldType.Text, "text"));
        var one = await env.WithPipelineAsync(p => p.ProposeDraftAsync(DraftBuilder.Request(), first, null, MechanicCaller.Operator, CancellationToken.None));
        var second = DraftBuilder.CreateTable("Project", "projects", "20260101000001_CreateProject", ("Title", "title", FieldType.Text, "text"));
        var two = await env.WithPipelineAsync(p => p.ProposeDraftAsync(DraftBuilder.Request("projects"), second, null, MechanicCaller.Operator, CancellationToken.None));

        var (exit, text) = await RunAsync(env, "mechanic", "list", "--status", "pending_review");
        Assert.Equal(0, exit);
        Assert.Contains(one.Id.ToString(), text, StringComparison.Ordinal);
        Assert.Contains("2 change(s)", text, StringComparison.Ordinal);

        (exit, text) = await RunAsync(env, "mechanic", "show", one.Id.ToString());
        Assert.Equal(0, exit);
        Assert.Contains("CREATE TABLE characters", text, StringComparison.Ordinal);

        (exit, text) = await RunAsync(env, "mechanic", "approve", one.Id.ToString());
        Assert.Equal(0, exit);
        Assert.Contains("status     applied", text, StringComparison.Ordinal);
        Assert.Contains("proposed   test-agent (operator via cli)", text, StringComparison.Ordinal);
        Assert.Contains("reviewed   operator via cli", text, StringComparison.Ordinal);
        var approval = await env.ScalarAsync<string>("SELECT details->>'approvedBy' FROM audit_log WHERE action = 'schema_change' AND details->>'changeId' = $1", one.Id.ToString());
        Assert.Equal("""{"role": "operator", "channel": "cli"}""", approval);

        (exit, text) = await RunAsync(env, "mechanic", "reject", two.Id.ToString(), "--reason", "not needed");
        Assert.Equal(0, exit);
        Assert.Contains("rejected   not needed", text, StringComparison.Ordinal);
        var rejection = await env.ScalarAsync<string>(
            "SELECT (details->'rejectedBy')::text || ' ' || (details->>'reason') FROM audit_log WHERE action = 'schema_change_rejected' AND details->>'changeId' = $1", two.Id.ToString());
        Assert.Equal("""{"role": "operator", "channel": "cli"} not needed""", rejection);

        (exit, _) = await RunAsync(env, "mechanic", "approve", two.Id.ToString());
        Assert.Equal(65, exit);
        (exit, _) = await RunAsync(env, "mechanic", "reject", two.Id.ToString());
        Assert.Equal(64, exit);
        (exit, text) = await RunAsync(env, "mechanic", "--help");
        Assert.Equal(0, exit);
        Assert.Contains("reject <id> --reason", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProposeReadsASpecChangeRequestFile()
    {
        await using var env = await MechanicEnvironment.StartAsync();
        var file = Path.Combine(env.Root, "change.json");
        await File.WriteAllTextAsync(file, """
            {
              "instruction": "the story agent tracks characters",
              "actor": "mechanic",
              "entity": { "name": "Character", "fields": [ { "name": "Name", "type": "string", "maxLength": 200, "required": true } ] }
            }
            """);
        var (exit, text) = await RunAsync(env, "mechanic", "propose", file);
        Assert.True(exit == 0, text);
        Assert.Contains("status     pending_review", text, StringComparison.Ordinal);

        await File.WriteAllTextAsync(file, """{ "instruction": "no entity", "actor": "mechanic" }""");
        (exit, _) = await RunAsync(env, "mechanic", "propose", file);
        Assert.Equal(64, exit);
    }

    private static async Task<(int Exit, string Output)> RunAsync(MechanicEnvironment env, params string[] args)
    {
        using var output = new StringWriter();
        var exit = await OperatorCli.RunAsync(args, output, env.Settings);
        return (exit, output.ToString());
    }
}
