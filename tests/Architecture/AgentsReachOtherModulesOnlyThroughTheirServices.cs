using Microsoft.EntityFrameworkCore;
using Monolith.Agents;
using Npgsql;

namespace Monolith.Tests.Architecture;

/// <summary>
/// The Agents module owns no table: what it keeps lives in the conversations, search, registry and checkpoints
/// modules, and it must go through their public services. A connection, command or data source in Agents (or any
/// DbContext) would be SQL on another module's tables.
/// </summary>
public sealed class AgentsReachOtherModulesOnlyThroughTheirServices
{
    [Fact]
    public void NoAgentsTypeUsesADatabaseConnectionOrADbContext()
    {
        var npgsql = typeof(NpgsqlConnection).Assembly;
        var agents = typeof(AgentRuntime).Assembly.GetTypes().Where(t => t.Namespace == typeof(AgentRuntime).Namespace).ToList();
        Assert.NotEmpty(agents);
        var violations = agents
            .SelectMany(type => ModulesUseOnlyTheirOwnDbContext.UsedTypes(type)
                .Where(used => used.Assembly == npgsql || used.IsSubclassOf(typeof(DbContext)))
                .Select(used => $"{type.FullName} uses {used.FullName}"))
            .Distinct()
            .ToList();

        Assert.Empty(violations);
    }
}
