using System.Net;
using Monolith.Host.Cli;
using Monolith.Mechanic;
using Monolith.Schema;
using Monolith.Tests.Support;

namespace Monolith.Tests.Core.Mechanic;

public sealed class DriftAndPendingMigrationsAreReported
{
    [Fact]
    public async Task ColumnAddedBehindTheMechanicsBackIsDriftInReadinessAndStatus()
    {
        await using var env = await MechanicEnvironment.StartAsync();
        var draft = DraftBuilder.CreateTable("Character", "characters", "20260101000000_CreateCharacter", ("Name", "name", FieldType.Text, "text"));
        var proposed = await env.WithPipelineAsync(p => p.ProposeDraftAsync(DraftBuilder.Request(), draft, null, MechanicCaller.Operator, CancellationToken.None));
        await env.WithPipelineAsync(p => p.ApproveAsync(proposed.Id, MechanicCaller.Operator, CancellationToken.None));
        var ready = await env.Host.Client(apiKey: null).GetAsync(new Uri("/health/ready", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);

        await env.ExecuteAsync("ALTER TABLE characters ADD COLUMN sneaky int; ALTER TABLE characters DROP COLUMN name");
        var problem = await (await env.Host.Client(apiKey: null).GetAsync(new Uri("/health/ready", UriKind.Relative))).AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
        var detail = problem.GetProperty("detail").GetString()!;
        Assert.Contains("dynamic-schema:", detail, StringComparison.Ordinal);
        Assert.Contains("column characters.name is missing", detail, StringComparison.Ordinal);
        Assert.Contains("column characters.sneaky is not declared by Character", detail, StringComparison.Ordinal);

        using var output = new StringWriter();
        var exit = await OperatorCli.RunAsync(["status"], output, env.Settings);
        Assert.Equal(1, exit);
        Assert.Contains("dynamic migrations: 1 applied, 0 pending, schema version 1", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("drift    column characters.sneaky is not declared by Character", output.ToString(), StringComparison.Ordinal);
    }
}
