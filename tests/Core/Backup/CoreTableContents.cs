using System.Globalization;
using Monolith.Audit;
using Npgsql;

namespace Monolith.Tests.Core.Backup;

/// <summary>Fills every core table with awkward rows, and fingerprints every table so two databases can be compared.</summary>
public static class CoreTableContents
{
    public const string Unicode = "Привіт, світе! Ünïcödé 漢字 עברית 👋🏽 e\u0301 \u200d tab\there \"quoted\" 'single' back\\slash\nnew line";

    public static readonly string[] FilledTables =
        ["agents", "tools", "tool_usage", "conversations", "messages", "langgraph_checkpoints", "checkpoint_writes", "search_index", "audit_log"];

    // The row without an embedding is not yet due ('infinity'), so the host's embedding worker leaves it alone mid-test.
    public static async Task FillAsync(string connectionString, int dimension = 384)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var random = new Random(42);
        var vectors = Enumerable.Range(0, 3)
            .Select(_ => "[" + string.Join(',', Enumerable.Range(0, dimension).Select(_ => (random.NextSingle() * 2 - 1).ToString("R", CultureInfo.InvariantCulture))) + "]")
            .ToArray();
        const string json = """{"ключ": "значення 👋", "nested": {"list": [1, 2.5, -0.0001, 12345678901234567890, null, true, "x\ty"]}, "empty": {}}""";
        await using var fill = new NpgsqlCommand("""
            INSERT INTO agents (id, name, description, config_path, is_active, version, created_by)
                VALUES ('00000000-0000-0000-0000-00000000000a', 'assistant', @text, 'agents/assistant.yaml', true, 3, 'ops'),
                       ('00000000-0000-0000-0000-00000000000b', 'старий', NULL, 'agents/old.yaml', false, 1, 'system');
            INSERT INTO tools (id, name, description, module_path, schema, agent_id)
                VALUES ('00000000-0000-0000-0000-0000000000a1', 'search', @text, 'tools.search', @json::jsonb, '00000000-0000-0000-0000-00000000000a'),
                       ('00000000-0000-0000-0000-0000000000a2', 'clock', NULL, 'tools.clock', NULL, NULL);
            INSERT INTO conversations (id, user_id, chat_id, title, status, metadata)
                VALUES ('00000000-0000-0000-0000-0000000000c1', 9007199254740993, -1001234567890, @text, 'open', @json::jsonb),
                       ('00000000-0000-0000-0000-0000000000c2', 42, 42, NULL, 'closed', '{}');
            INSERT INTO messages (conversation_id, sequence, role, content, metadata)
                SELECT '00000000-0000-0000-0000-0000000000c1', n, (ARRAY['user', 'assistant', 'system', 'tool'])[1 + n % 4], @text || ' #' || n, @json::jsonb
                FROM generate_series(1, 50) AS n;
            INSERT INTO messages (conversation_id, sequence, role, content) VALUES ('00000000-0000-0000-0000-0000000000c2', 1, 'user', '');
            INSERT INTO tool_usage (tool_id, conversation_id, message_id, arguments, result, execution_time_ms, server_name)
                VALUES ('00000000-0000-0000-0000-0000000000a1', '00000000-0000-0000-0000-0000000000c1', NULL, @json::jsonb, '"ok"', 12, 'mcp-1');
            INSERT INTO langgraph_checkpoints (thread_id, checkpoint_ns, checkpoint_id, parent_id, checkpoint, metadata)
                VALUES ('thread-1', '', '1ef-001', NULL, @json::jsonb, '{"step": 1}'),
                       ('thread-1', 'sub:graph', '1ef-002', '1ef-001', '{"v": []}', '{}');
            INSERT INTO checkpoint_writes (thread_id, checkpoint_ns, checkpoint_id, task_id, idx, channel, value)
                VALUES ('thread-1', '', '1ef-001', 'task-a', 0, 'messages', @json::jsonb), ('thread-1', '', '1ef-001', 'task-a', 1, 'канал', NULL);
            INSERT INTO search_index (entity_type, entity_id, content, embedding, metadata, user_id, embed_after)
                VALUES ('message', gen_random_uuid(), @text, @v1::vector, @json::jsonb, 42, now()),
                       ('note', gen_random_uuid(), 'plain', @v2::vector, '{}', 42, now()),
                       ('note', gen_random_uuid(), 'no embedding yet', NULL, '{}', 7, 'infinity'),
                       ('doc', gen_random_uuid(), 'third', @v3::vector, '{}', 7, now());
            """, connection);
        fill.Parameters.AddWithValue("text", Unicode);
        fill.Parameters.AddWithValue("json", json);
        fill.Parameters.AddWithValue("v1", vectors[0]);
        fill.Parameters.AddWithValue("v2", vectors[1]);
        fill.Parameters.AddWithValue("v3", vectors[2]);
        await fill.ExecuteNonQueryAsync();
        await AuditLog.RecordAsync(new AuditEvent("deploy", "ops", new { note = Unicode }), connection, null, CancellationToken.None);
        await AuditLog.RecordAsync(new AuditEvent("schema_change", "mechanic", null, AuditEvent.Failure, new string('f', 40), "main"), connection, null, CancellationToken.None);
    }

    /// <summary>Row count and an md5 over every row's text, per table of the public schema.</summary>
    /// <param name="auditActionsToIgnore">Audit rows written by the backup or restore itself, which only one side has.</param>
    public static async Task<SortedDictionary<string, (long Rows, string Checksum)>> FingerprintAsync(string connectionString, params string[] auditActionsToIgnore)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var fingerprints = new SortedDictionary<string, (long, string)>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            var filter = table == "audit_log" ? "WHERE NOT (t.action = ANY($1))" : string.Empty;
            await using var command = new NpgsqlCommand(
                $"SELECT count(*), coalesce(md5(string_agg(t::text, E'\\n' ORDER BY t::text)), '') FROM \"{table}\" t {filter}", connection);
            if (filter.Length > 0)
            {
                command.Parameters.Add(new NpgsqlParameter { Value = auditActionsToIgnore });
            }

            await using var reader = await command.ExecuteReaderAsync();
            await reader.ReadAsync();
            fingerprints[table] = (reader.GetInt64(0), reader.GetString(1));
        }

        return fingerprints;
    }
}
