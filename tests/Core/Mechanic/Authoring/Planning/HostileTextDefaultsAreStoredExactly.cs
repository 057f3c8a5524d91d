using Monolith.Mechanic;
using System.Net;
using System.Text.Json;
using Npgsql;

namespace Monolith.Tests.Core.Mechanic;

/// <summary>
/// On a database whose server reads backslashes in plain string constants (standard_conforming_strings off), text
/// defaults written to break out of their constant pass review, the dry run and the apply as plain text: each is stored
/// exactly as given, and no core table is dropped or other table created.
/// </summary>
public sealed class HostileTextDefaultsAreStoredExactly
{
    private static readonly string[] Defaults =
    [
        @"\', b text); DROP TABLE telegram_updates; CREATE TABLE pwned (x int); --",
        @"\'); DROP TABLE audit_log; --",
        @"C:\temp\new\",
        "it's $$ dollar $$ $tag$",
        "line one\nline two\ttabbed",
        "Ünïcødé ✓ 🚀 \\\\'",
    ];

    [Fact]
    public async Task EveryDefaultReadsBackAsGivenAndTheCoreTablesStay()
    {
        await using var env = await MechanicEnvironment.StartAsync();
        var database = new NpgsqlConnectionStringBuilder(env.ConnectionString).Database!;
        await env.ExecuteAsync($"ALTER DATABASE \"{database}\" SET standard_conforming_strings = off");
        await env.Host.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await env.RestartOnSameDatabaseAsync();
        Assert.Equal("off", await env.ScalarAsync<string>("SHOW standard_conforming_strings"));
        var tablesBefore = await TablesAsync(env);

        var fields = Defaults.Select((value, i) => (object)new { name = $"Note{i}", type = "text", @default = value })
            .Append(new { name = "Meta", type = "json", @default = JsonSerializer.Serialize(new { path = @"\'; DROP TABLE messages; --" }) })
            .ToArray();
        var client = env.AdminClient();
        var proposal = await ChangeRequests.ProposeAsync(client, new { instruction = "notes with awkward defaults", actor = "story-agent", entity = new { name = "Note", fields } });
        Assert.True(proposal.GetProperty("status").GetString() == "pending_review", proposal.ToString());
        var approved = await ChangeRequests.ApproveAsync(client, proposal);
        var body = await approved.Content.ReadAsStringAsync();
        Assert.True(approved.StatusCode == HttpStatusCode.OK, body);
        Assert.Equal("applied", JsonDocument.Parse(body).RootElement.GetProperty("status").GetString());

        await env.ExecuteAsync("INSERT INTO notes DEFAULT VALUES");
        for (var i = 0; i < Defaults.Length; i++)
        {
            Assert.Equal(Defaults[i], await env.ScalarAsync<string>($"SELECT note{i} FROM notes"));
        }

        Assert.Equal(@"\'; DROP TABLE messages; --", await env.ScalarAsync<string>("SELECT meta->>'path' FROM notes"));
        Assert.Equal(tablesBefore.Append("notes").Order(StringComparer.Ordinal), await TablesAsync(env));
        Assert.Contains("telegram_updates", tablesBefore);
    }

    private static async Task<List<string>> TablesAsync(MechanicEnvironment env)
    {
        var tables = await env.ScalarAsync<string[]>("SELECT array_agg(tablename::text ORDER BY tablename::text COLLATE \"C\") FROM pg_tables WHERE schemaname = 'public'");
        return [.. tables!];
    }
}
