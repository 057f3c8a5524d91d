namespace Monolith.Tests.Support;

/// <summary>The integration tests share one database and service, and run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class SharedDatabase : ICollectionFixture<MonolithFixture>
{
    public const string Name = "database";
}
