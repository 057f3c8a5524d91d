using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Monolith.Mechanic;
using Monolith.Schema;
using Npgsql;

namespace Monolith.Tests.Core.Mechanic;

public sealed class ApprovedChangeIsAppliedCommittedAndAudited
{
    [Fact]
    public async Task ProposeApproveLeavesTableCommitAuditAndHistory()
    {
        await using var env = await MechanicEnvironment.StartAsync();
        var draft = DraftBuilder.CreateTable("Character", "characters", "20260101000000_CreateCharacter",
            ("Name", "name", FieldType.String, "varchar(200)"), ("Age", "age", FieldType.Int, "integer"));
        var proposed = await env.WithPipelineAsync(p => p.ProposeDraftAsync(DraftBuilder.Request(), draft, null, MechanicCaller.Operator, CancellationToken.None));
        Assert.Equal(ProposalStatus.PendingReview, proposed.Status);
        Assert.True(proposed.DryRunOk);
        Assert.True(env.FileExists("src/Dynamic/Schema/Character.cs"));
        Assert.False(await env.TableExistsAsync("characters"));
        var history = env.Host.Services.GetRequiredService<DynamicMigrationHistory>();
        Assert.Equal(0L, await history.ReadLatestNumberAsync(CancellationToken.None));

        var response = await env.AdminClient().PostAsync(new Uri($"/api/admin/mechanic/changes/{proposed.Id}/approve", UriKind.Relative), null);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        var view = JsonDocument.Parse(body).RootElement;
        Assert.Equal("applied", view.GetProperty("status").GetString());
        Assert.Equal("audited", view.GetProperty("stage").GetString());

        Assert.True(await env.TableExistsAsync("characters"));
        Assert.True(await env.ScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM pg_indexes WHERE indexname = 'ix_characters_created_at')"));

        var commit = Assert.Single(env.CommitsFor(draft.MigrationId));
        Assert.Equal(commit, view.GetProperty("gitCommit").GetString());
        Assert.Equal(
            ["src/Dynamic/Migrations/20260101000000_CreateCharacter.migration.json", "src/Dynamic/Migrations/20260101000000_CreateCharacter.sql", "src/Dynamic/Schema/Character.cs"],
            env.FilesOf(commit));

        var auditId = view.GetProperty("auditId").GetInt64();
        Assert.Equal(commit, await env.ScalarAsync<string>("SELECT git_commit FROM audit_log WHERE id = $1 AND action = 'schema_change' AND status = 'success'", auditId));
        var details = await env.ScalarAsync<string>("SELECT details::text FROM audit_log WHERE id = $1", auditId);
        Assert.Contains("src/Dynamic/Schema/Character.cs", details, StringComparison.Ordinal);
        Assert.Contains(draft.MigrationId, details, StringComparison.Ordinal);

        var backup = view.GetProperty("backupPath").GetString()!;
        Assert.True(File.Exists(backup));
        Assert.StartsWith(env.BackupDirectory, backup, StringComparison.Ordinal);

        var manifest = env.FileText("src/Dynamic/Migrations/20260101000000_CreateCharacter.migration.json");
        var expected = MigrationManifest.Checksum(manifest, [new("src/Dynamic/Migrations/20260101000000_CreateCharacter.sql", env.FileText("src/Dynamic/Migrations/20260101000000_CreateCharacter.sql"))]);
        Assert.Equal(expected, await env.ScalarAsync<string>("SELECT checksum FROM dynamic_migrations WHERE migration_id = $1", draft.MigrationId));
        Assert.Equal(1L, await env.ScalarAsync<long>("SELECT version FROM dynamic_migrations WHERE migration_id = $1", draft.MigrationId));
        Assert.Equal(1L, await history.ReadLatestNumberAsync(CancellationToken.None));

        var schema = await env.AdminClient().GetFromJsonAsync<JsonElement>(new Uri("/api/admin/schema", UriKind.Relative));
        Assert.Equal(1, schema.GetProperty("version").GetInt64());
        var entity = Assert.Single(schema.GetProperty("entities").EnumerateArray());
        Assert.Equal("characters", entity.GetProperty("table").GetString());
        Assert.Equal(["name", "age"], entity.GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("column").GetString()));
        Assert.Equal("string", entity.GetProperty("fields")[0].GetProperty("type").GetString());
    }

    [Fact]
    public async Task ApplyingPublishesTheVersionAndNotifies()
    {
        await using var env = await MechanicEnvironment.StartAsync();
        await using var listener = new NpgsqlConnection(env.ConnectionString);
        await listener.OpenAsync();
        string? payload = null;
        listener.Notification += (_, e) => payload = e.Payload;
        await using (var listen = new NpgsqlCommand("LISTEN monolith_schema", listener))
        {
            await listen.ExecuteNonQueryAsync();
        }

        var draft = DraftBuilder.CreateTable("Character", "characters", "20260101000000_CreateCharacter", ("Name", "name", FieldType.Text, "text"));
        var proposed = await env.WithPipelineAsync(p => p.ProposeDraftAsync(DraftBuilder.Request(), draft, null, MechanicCaller.Operator, CancellationToken.None));
        await env.WithPipelineAsync(p => p.ApproveAsync(proposed.Id, MechanicCaller.Operator, CancellationToken.None));

        await listener.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("1", payload);
        var catalog = (SchemaCatalog)env.Host.Services.GetService(typeof(SchemaCatalog))!;
        Assert.Equal(1, catalog.Current.Number);
        Assert.Equal("characters", Assert.Single(catalog.Current.Entities).Table);
    }
}
