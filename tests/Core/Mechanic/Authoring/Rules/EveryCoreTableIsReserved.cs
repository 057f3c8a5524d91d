using Monolith.Mechanic;
using Monolith.Tests.Support;
using Npgsql;

namespace Monolith.Tests.Core.Mechanic;

/// <summary>The core-table rule keeps up with the modules: every table the core migrations create is one an entity may not take.</summary>
public sealed class EveryCoreTableIsReserved
{
    [Fact]
    public async Task TablesOfAFreshlyMigratedDatabaseAreAllCoreTables()
    {
        await using var database = await TestDatabase.CreateAsync("monolith_core_tables");
        await using (await TestHost.StartAsync(TestHost.Settings(database.ConnectionString)))
        {
            await using var connection = new NpgsqlConnection(database.ConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()", connection);
            var tables = new List<string>();
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    tables.Add(reader.GetString(0));
                }
            }

            Assert.Contains("messages", tables);
            Assert.All(tables, table => Assert.True(SchemaNames.IsCoreTable(table), $"{table} is a core table the Mechanic would let an entity take"));
        }
    }
}
