using Monolith.Tests.Support;
using Npgsql;

namespace Monolith.Tests.Core.Database;

public sealed class CoreSchemaMatchesDesign(MonolithFixture fixture) : IntegrationTest(fixture)
{
    public static TheoryData<string, string[]> Tables => new()
    {
        { "conversations", ["id", "user_id", "chat_id", "title", "status", "metadata", "last_sequence", "created_at", "updated_at"] },
        { "messages", ["id", "conversation_id", "sequence", "role", "content", "metadata", "created_at", "search_vector"] },
        { "langgraph_checkpoints", ["thread_id", "checkpoint_ns", "checkpoint_id", "parent_id", "checkpoint", "metadata", "created_at"] },
        { "checkpoint_writes", ["thread_id", "checkpoint_ns", "checkpoint_id", "task_id", "idx", "channel", "value", "created_at", "task_path"] },
        { "checkpoint_blobs", ["thread_id", "checkpoint_ns", "channel", "version", "value"] },
        { "agents", ["id", "name", "description", "config_path", "is_active", "version", "created_at", "updated_at", "created_by"] },
        { "tools", ["id", "name", "description", "module_path", "schema", "agent_id", "is_active", "created_at", "updated_at"] },
        { "tool_usage", ["id", "tool_id", "conversation_id", "message_id", "arguments", "result", "execution_time_ms", "server_name", "created_at"] },
        { "audit_log", ["id", "action", "actor", "details", "git_commit", "git_branch", "status", "created_at"] },
        { "search_index", ["id", "entity_type", "entity_id", "content", "embedding", "metadata", "user_id", "created_at", "updated_at", "search_vector", "embed_attempts", "embed_after", "embed_error", "embedding_model", "lexical_embedding"] },
        { "search_reindex_progress", ["scope", "last_id", "done", "dimension", "started_at", "updated_at"] },
        {
            "schema_changes",
            ["id", "status", "instruction", "actor", "proposed_by", "reviewed_by", "request", "entity_name", "table_name", "entity_source", "entity_diff", "migration_id", "migration_sql",
             "steps", "snapshot", "entities", "files", "findings", "dry_run_ok", "dry_run_error", "based_on_migration_id", "backup_path", "applied_version",
             "git_commit", "audit_id", "error", "reject_reason", "stage", "progress", "created_at", "updated_at"]
        },
        { "dynamic_migrations", ["version", "migration_id", "checksum", "applied_at", "entity_sources", "snapshot", "entities", "change_id"] },
        { "telegram_updates", ["update_id", "chat_id", "payload", "status", "attempts", "error", "received_at", "processed_at"] },
        { "documents", ["id", "user_id", "file_name", "format", "content_type", "size_bytes", "content_hash", "text", "page_starts", "chunk_count", "metadata", "created_at"] },
        { "document_chunks", ["id", "document_id", "chunk_index", "start_char", "end_char", "page", "page_end", "token_count"] },
    };

    [Theory]
    [MemberData(nameof(Tables))]
    public async Task TableHasExactlyTheDesignedColumns(string table, string[] columns)
    {
        var actual = await QueryAsync(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = @table",
            table);
        Assert.Equal(columns.Order(), actual.Order());
    }

    [Fact]
    public async Task TimestampsAreTimestamptzDefaultingToNow()
    {
        var rows = await QueryAsync("""
            SELECT table_name || '.' || column_name || ':' || data_type || ':' || coalesce(column_default, '')
            FROM information_schema.columns
            WHERE table_schema = 'public' AND column_name IN ('created_at', 'updated_at') AND table_name <> @table
            """, "__ef_migrations_history");
        Assert.NotEmpty(rows);
        Assert.All(rows, row => Assert.EndsWith(":timestamp with time zone:now()", row, StringComparison.Ordinal));
    }

    [Fact]
    public async Task NoOtherTablesExist()
    {
        // The shared database also holds the dynamic tables other tests publish; a fresh one holds only what migrations made.
        await using var database = await TestDatabase.CreateAsync();
        await using (await TestHost.StartAsync(TestHost.Settings(database.ConnectionString)))
        {
        }

        var tables = await QueryAsync("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> @table", "__ef_migrations_history", database.ConnectionString);
        Assert.Equal(Tables.Select(row => (string)row[0]).Order(), tables.Order());
    }

    [Fact]
    public async Task DesignedDefaultsAreInTheDatabase()
    {
        var defaults = await QueryAsync("""
            SELECT table_name || '.' || column_name || '=' || column_default FROM information_schema.columns
            WHERE table_schema = 'public' AND column_default IS NOT NULL AND column_name NOT IN ('created_at', 'updated_at') AND table_name <> @table
            """, "__ef_migrations_history");
        Assert.Contains("conversations.id=gen_random_uuid()", defaults);
        Assert.Contains("conversations.metadata='{}'::jsonb", defaults);
        Assert.Contains("langgraph_checkpoints.checkpoint_ns=''::character varying", defaults);
        Assert.Contains("agents.is_active=true", defaults);
        Assert.Contains("agents.version=1", defaults);
        Assert.Contains("agents.created_by='system'::character varying", defaults);
        Assert.Contains("audit_log.status='success'::character varying", defaults);
    }

    [Fact]
    public async Task VectorExtensionIsInstalled()
    {
        var version = await QueryAsync("SELECT extversion FROM pg_extension WHERE extname = @table", "vector");
        Assert.StartsWith("0.8", Assert.Single(version), StringComparison.Ordinal);
    }

    private async Task<List<string>> QueryAsync(string sql, string table, string? connectionString = null)
    {
        await using var connection = new NpgsqlConnection(connectionString ?? Fixture.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("table", table);
        var result = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            result.Add(reader.GetString(0));
        }

        return result;
    }
}
