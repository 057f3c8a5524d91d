using Microsoft.Extensions.DependencyInjection;
using Monolith.Host.Cli;
using Monolith.Mechanic;
using Monolith.Schema;
using Monolith.Tests.Support;
using Npgsql;

namespace Monolith.Tests.Core.Mechanic;

public sealed class ScopedBackupRestoresTheChangedTableExactly
{
    private const string CharacterRows = "SELECT coalesce(string_agg(t::text, E'\\n' ORDER BY t.id), '') FROM characters t";

    [Fact]
    public async Task RestoringThePreMigrationBackupBringsBackTheAlteredTableAndOnlyTheSchemaOfTheRest()
    {
        await using var env = await MechanicEnvironment.StartAsync();
        var characters = DraftBuilder.CreateTable("Character", "characters", "20260101000000_CreateCharacter",
            ("Name", "name", FieldType.String, "varchar(200)"), ("Age", "age", FieldType.Int, "integer"));
        await ApplyAsync(env, characters);
        var places = DraftBuilder.CreateTable("Place", "places", "20260101000001_CreatePlace", ("Title", "title", FieldType.Text, "text"));
        await ApplyAsync(env, places);
        await env.ExecuteAsync("""
            INSERT INTO characters (name, age, created_by) SELECT 'hero ' || i || E' with \'quotes\' and \ttabs', i, i FROM generate_series(1, 500) i;
            INSERT INTO characters (name, age) VALUES (NULL, NULL), ('ünïcødé ✓', -1);
            INSERT INTO places (title) SELECT repeat('big unaltered row ', 50) FROM generate_series(1, 2000);
            """);
        var before = await env.ScalarAsync<string>(CharacterRows);

        var change = DraftBuilder.AddColumn(characters, "20260101000002_AddCharacterNickname", "Nickname", "nickname", FieldType.String, "varchar(100)");
        var applied = await ApplyAsync(env, change);
        Assert.Equal(ProposalStatus.Applied, applied.Status);
        Assert.Contains(MechanicJson.Read<List<JournalEntry>>(applied.Progress), e => e.Stage == ProposalStage.BackedUp && e.Detail!.Contains("rows of: characters", StringComparison.Ordinal));

        await using var target = await TestDatabase.CreateAsync("monolith_scoped_restore");
        var output = new StringWriter();
        var exitCode = await OperatorCli.RunAsync(["restore", applied.BackupPath!], output, TestHost.Settings(target.ConnectionString));
        Assert.True(exitCode == 0, output.ToString());

        Assert.Equal(before, await ScalarAsync<string>(target.ConnectionString, CharacterRows));
        Assert.Equal(502L, await ScalarAsync<long>(target.ConnectionString, "SELECT count(*) FROM characters"));
        Assert.False(await ScalarAsync<bool>(target.ConnectionString,
            "SELECT EXISTS (SELECT FROM information_schema.columns WHERE table_name = 'characters' AND column_name = 'nickname')"));
        // The other tables come back as definitions without rows: their rows were never at risk.
        Assert.Equal(0L, await ScalarAsync<long>(target.ConnectionString, "SELECT count(*) FROM places"));
        Assert.True(await ScalarAsync<bool>(target.ConnectionString, "SELECT to_regclass('dynamic_migrations') IS NOT NULL AND to_regclass('audit_log') IS NOT NULL"));
    }

    [Fact]
    public async Task ANewTablesBackupHoldsNoRowsAndOldPreMigrationBackupsArePruned()
    {
        await using var env = await MechanicEnvironment.StartAsync(s => s["BACKUP_KEEP_PRE_MIGRATION"] = "1");
        var full = await env.Host.Services.GetRequiredService<Monolith.Backup.DatabaseBackup>()
            .BackupAsync(new Monolith.Backup.BackupRequest("manual"), CancellationToken.None);
        var characters = DraftBuilder.CreateTable("Character", "characters", "20260101000000_CreateCharacter", ("Name", "name", FieldType.Text, "text"));
        var first = await ApplyAsync(env, characters);
        Assert.True(File.Exists(first.BackupPath));
        var change = DraftBuilder.AddColumn(characters, "20260101000001_AddCharacterNickname", "Nickname", "nickname", FieldType.String, "varchar(100)");
        var second = await ApplyAsync(env, change);

        Assert.False(File.Exists(first.BackupPath));
        Assert.True(File.Exists(second.BackupPath));
        Assert.True(File.Exists(full.Path));
        Assert.Equal([full.Path, second.BackupPath!], Directory.EnumerateFiles(env.BackupDirectory, "*.dump").Order(StringComparer.Ordinal));
    }

    private static async Task<SchemaProposal> ApplyAsync(MechanicEnvironment env, SchemaDraft draft)
    {
        var latest = await env.ScalarAsync<string>("SELECT migration_id FROM dynamic_migrations ORDER BY version DESC LIMIT 1");
        var proposed = await env.WithPipelineAsync(p => p.ProposeDraftAsync(DraftBuilder.Request(), draft, latest, MechanicCaller.Operator, CancellationToken.None));
        Assert.True(proposed.Status == ProposalStatus.PendingReview, proposed.Error);
        var applied = await env.WithPipelineAsync(p => p.ApproveAsync(proposed.Id, MechanicCaller.Operator, CancellationToken.None));
        Assert.True(applied.Status == ProposalStatus.Applied, applied.Error);
        return applied;
    }

    private static async Task<T> ScalarAsync<T>(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
