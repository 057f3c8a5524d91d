using Monolith.Mechanic;

namespace Monolith.Tests.Core.Mechanic;

/// <summary>squawk, with the rule set in tools/squawk/squawk.toml, passes the migrations the Mechanic writes and flags unsafe SQL.</summary>
public sealed class GeneratedMigrationsPassSquawk : IAsyncLifetime
{
    private readonly AuthoringDatabase db = new();
    private readonly SquawkLinter squawk = SquawkLinter.Locate(AuthoringDatabase.RepositoryRoot());

    public Task InitializeAsync() => db.InitializeAsync();

    public Task DisposeAsync() => db.DisposeAsync();

    [Fact]
    public async Task RepresentativeMigrationsHaveNoFindings()
    {
        Assert.True(squawk.IsAvailable, "tools/test installs squawk into tools/squawk");
        string[] versions =
        [
            """{"name":"Project","fields":[{"name":"Title","type":"string","maxLength":100,"required":true},{"name":"Budget","type":"decimal","default":0}]}""",
            """{"name":"Task","fields":[{"name":"Title","type":"text","required":true},{"name":"ProjectId","type":"uuid","required":true,"references":"Project"},{"name":"ParentId","type":"uuid","references":"Task"},{"name":"Due","type":"date"},{"name":"Done","type":"bool","required":true,"default":false}]}""",
            """{"name":"Task","fields":[{"name":"Title","type":"text","required":true},{"name":"ProjectId","type":"uuid","required":true,"references":"Project"},{"name":"ParentId","type":"uuid","references":"Task"},{"name":"Due","type":"date"},{"name":"Done","type":"bool","required":true,"default":false},{"name":"Estimate","type":"bigint","required":true,"default":0},{"name":"Meta","type":"json","default":"{}"}]}""",
            """{"name":"Project","fields":[{"name":"Title","type":"string","maxLength":500},{"name":"Budget","type":"decimal","default":0},{"name":"LeadTaskId","type":"uuid","references":"Task"}]}""",
            """{"name":"Project","retired":true,"fields":[{"name":"Title","type":"text"},{"name":"Budget","type":"decimal","default":0,"deprecated":true},{"name":"LeadTaskId","type":"uuid","references":"Task"}]}""",
        ];

        foreach (var version in versions)
        {
            var draft = await db.ApplyAsync(AuthoringDatabase.Entity(version));
            Assert.Empty(await squawk.LintAsync(draft.MigrationSql, CancellationToken.None));
        }
    }

    [Fact]
    public async Task UnsafeSqlBecomesFindings()
    {
        Assert.True(squawk.IsAvailable, "tools/test installs squawk into tools/squawk");

        var findings = await squawk.LintAsync("CREATE INDEX ix_things_name ON things (name);\nALTER TABLE things ADD CONSTRAINT fk_a FOREIGN KEY (a) REFERENCES others (id);\n", CancellationToken.None);

        Assert.Contains(findings, f => f.Rule == "squawk:require-concurrent-index-creation");
        Assert.Contains(findings, f => f.Rule == "squawk:adding-foreign-key-constraint");
        Assert.All(findings, f => Assert.Equal(SafetyFinding.Error, f.Severity));
    }
}
