using System.Net;
using Monolith.Configuration;
using Monolith.Mechanic;
using Monolith.Schema;
using Monolith.Tests.Support;

namespace Monolith.Tests.Core.Mechanic;

public sealed class RepositoryFilesRebuildAFreshDatabase
{
    [Fact]
    public async Task FreshDatabaseGetsEveryCommittedMigrationInOrder()
    {
        await using var env = await MechanicEnvironment.StartAsync();
        var create = DraftBuilder.CreateTable("Character", "characters", "20260101000000_CreateCharacter", ("Name", "name", FieldType.Text, "text"));
        var first = await env.WithPipelineAsync(p => p.ProposeDraftAsync(DraftBuilder.Request(), create, null, MechanicCaller.Operator, CancellationToken.None));
        await env.WithPipelineAsync(p => p.ApproveAsync(first.Id, MechanicCaller.Operator, CancellationToken.None));
        var widen = DraftBuilder.AddColumn(create, "20260101000100_AddAge", "Age", "age", FieldType.Int, "integer");
        var second = await env.WithPipelineAsync(p => p.ProposeDraftAsync(DraftBuilder.Request("add age"), widen, create.MigrationId, MechanicCaller.Operator, CancellationToken.None));
        await env.WithPipelineAsync(p => p.ApproveAsync(second.Id, MechanicCaller.Operator, CancellationToken.None));
        var checksums = await env.ScalarAsync<string>("SELECT string_agg(checksum, ',' ORDER BY version) FROM dynamic_migrations");

        await env.RestartOnFreshDatabaseAsync();

        Assert.True(await env.ScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM information_schema.columns WHERE table_name = 'characters' AND column_name = 'age')"));
        Assert.True(await env.ScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM pg_indexes WHERE indexname = 'ix_characters_created_at')"));
        Assert.Equal(checksums, await env.ScalarAsync<string>("SELECT string_agg(checksum, ',' ORDER BY version) FROM dynamic_migrations"));
        var sources = await env.ScalarAsync<string>("SELECT entity_sources::text FROM dynamic_migrations WHERE version = 2");
        Assert.Contains("Age", sources, StringComparison.Ordinal);
        var catalog = (SchemaCatalog)env.Host.Services.GetService(typeof(SchemaCatalog))!;
        Assert.Equal(2, catalog.Current.Number);
        Assert.Equal(2, Assert.Single(catalog.Current.Entities).Fields.Count);
    }

    [Fact]
    public async Task AppliedMigrationWhoseFileChangedStopsStartup()
    {
        await using var env = await MechanicEnvironment.StartAsync();
        var create = DraftBuilder.CreateTable("Character", "characters", "20260101000000_CreateCharacter", ("Name", "name", FieldType.Text, "text"));
        var first = await env.WithPipelineAsync(p => p.ProposeDraftAsync(DraftBuilder.Request(), create, null, MechanicCaller.Operator, CancellationToken.None));
        await env.WithPipelineAsync(p => p.ApproveAsync(first.Id, MechanicCaller.Operator, CancellationToken.None));
        var probe = env.Host.Client(apiKey: null);
        Assert.Equal(HttpStatusCode.OK, (await probe.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode);
        var sql = Path.Combine(env.RepositoryPath, "src/Dynamic/Migrations/20260101000000_CreateCharacter.sql");
        await File.AppendAllTextAsync(sql, "-- edited after it was applied\n");

        // The running service's probe reads the edit too, though it read the same manifest a moment ago.
        var problem = await (await probe.GetAsync(new Uri("/health/ready", UriKind.Relative))).AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.Contains("checksum mismatch", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);

        await env.Host.DisposeAsync();
        var error = await Assert.ThrowsAsync<ConfigurationException>(() => TestHost.StartAsync(env.Settings));
        Assert.Contains("checksum mismatch", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
        await env.RestartOnSameDatabaseWithoutPreparingAsync();
    }
}
