using Microsoft.Extensions.Configuration;
using Monolith.Agents;
using Monolith.Configuration;

namespace Monolith.Tests.Core.Agents;

public sealed class MemorySettingsNameTheBadVariable
{
    [Fact]
    public void UnsetUsesTheDefaultFloor() => Assert.Equal(MemorySettings.DefaultMinSimilarity, Read(null).MinSimilarity);

    [Fact]
    public void AValueInRangeIsUsed() => Assert.Equal(0.35, Read("0.35").MinSimilarity);

    [Theory]
    [InlineData("high")]
    [InlineData("1.5")]
    [InlineData("0,3")]
    public void BadValueStopsStartupNamingIt(string value)
    {
        var error = Assert.Throws<ConfigurationException>(() => Read(value));
        Assert.StartsWith("MEMORY_MIN_SIMILARITY must be a number from -1 to 1", error.Message, StringComparison.Ordinal);
    }

    private static MemorySettings Read(string? value) =>
        MemorySettings.Read(new SettingReader(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [MemorySettings.Variable] = value }).Build()));
}
