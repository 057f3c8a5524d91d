using Monolith.Mechanic;
using Monolith.Tests.Support;
using Npgsql;

namespace Monolith.Tests.Core.Mechanic;

/// <summary>
/// The Mechanic's text constants read back exactly as given on a server with standard_conforming_strings off (set on the
/// database, as a hostile or legacy configuration would) as well as on, and with backslash_quote off.
/// </summary>
public sealed class TextLiteralsReadTheSameWhateverTheServerSettings : IAsyncLifetime
{
    public static TheoryData<string> NastyTexts => new()
    {
        @"\', b text); DROP TABLE telegram_updates; CREATE TABLE pwned (x int); --",
        @"\",
        @"\\",
        @"C:\temp\new\table",
        "it's",
        "''",
        @"\'",
        @"\\'",
        "$$ dollar $$ $tag$ $1",
        "line one\nline two\r\n\ttabbed",
        "Ünïcødé ✓ 日本語 🚀",
        "E'x'",
        "'; SELECT pg_sleep(10); --",
        "/* not a comment */ -- nor this",
        "",
    };

    private TestDatabase? database;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync("monolith_literals");
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var alter = new NpgsqlCommand($"ALTER DATABASE \"{database.Name}\" SET standard_conforming_strings = off", connection);
        await alter.ExecuteNonQueryAsync();
        NpgsqlConnection.ClearAllPools();
    }

    public async Task DisposeAsync()
    {
        if (database is not null)
        {
            await database.DisposeAsync();
        }
    }

    [Theory]
    [MemberData(nameof(NastyTexts))]
    public async Task TheLiteralReadsBackExactlyUnderEitherSetting(string text)
    {
        var literal = SqlLiteral.Text(text);
        Assert.True(SqlLiteral.IsText(literal));

        Assert.Equal(("off", text), await ReadAsync(literal, settings: null));
        Assert.Equal(("on", text), await ReadAsync(literal, settings: "SET standard_conforming_strings = on"));
        Assert.Equal(("off", text), await ReadAsync(literal, settings: "SET backslash_quote = off"));
    }

    [Theory]
    [InlineData("'plain'")]
    [InlineData(@"E'\''")]
    [InlineData("E'a' || current_user")]
    [InlineData("E'x'; DROP TABLE telegram_updates; --'")]
    [InlineData(@"E'\n'")]
    [InlineData("E'''")]
    [InlineData("now()")]
    public void AnythingButSuchALiteralIsNotTakenForOne(string sql)
    {
        Assert.False(SqlLiteral.IsText(sql));
    }

    /// <summary>The server's setting and the literal's value, read in one command after the (optional) session settings.</summary>
    private async Task<(string Setting, string Value)> ReadAsync(string literal, string? settings)
    {
        await using var connection = new NpgsqlConnection(database!.ConnectionString);
        await connection.OpenAsync();
        if (settings is not null)
        {
            await using var set = new NpgsqlCommand(settings, connection);
            await set.ExecuteNonQueryAsync();
        }

        await using var read = new NpgsqlCommand($"SELECT current_setting('standard_conforming_strings'), {literal}::text", connection);
        await using var reader = await read.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return (reader.GetString(0), reader.GetString(1));
    }
}
