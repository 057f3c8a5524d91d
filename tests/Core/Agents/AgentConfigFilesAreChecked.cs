using System.Text.Json;
using Monolith.Agents;

namespace Monolith.Tests.Core.Agents;

public sealed class AgentConfigFilesAreChecked
{
    [Fact]
    public void AFullFileIsRead()
    {
        var config = AgentConfig.Parse("""
            { "prompt": "Be brief.", "model": "m", "tools": ["search_memory"], "historyMessages": 5, "memoryResults": 0, "maxToolRounds": 1, "temperature": 0.2 }
            """);
        Assert.Equal("Be brief.", config.Prompt);
        Assert.Equal("m", config.Model);
        Assert.Equal(["search_memory"], config.Tools);
        Assert.Equal(5, config.HistoryMessages);
        Assert.Equal(0, config.MemoryResults);
        Assert.Equal(1, config.MaxToolRounds);
        Assert.Equal(0.2, config.Temperature);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"prompt\": \"  \"}")]
    [InlineData("{\"prompt\": \"x\", \"promt\": \"typo\"}")]
    [InlineData("{\"prompt\": \"x\", \"maxToolRounds\": 100}")]
    [InlineData("{\"prompt\": \"x\", \"historyMessages\": 0}")]
    [InlineData("[]")]
    public void ABadFileIsRejectedWithAReason(string json)
    {
        var error = Assert.ThrowsAny<JsonException>(() => AgentConfig.Parse(json));
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }
}
