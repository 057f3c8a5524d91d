using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Monolith.Configuration;
using Monolith.Registry;

namespace Monolith.Tests.Core.Registry;

public sealed class AgentConfigPathsStayInsideTheDirectory : IDisposable
{
    private readonly AgentConfigFiles files = new();
    private readonly AgentConfigDirectory directory;

    public AgentConfigPathsStayInsideTheDirectory() =>
        directory = AgentConfigDirectory.Read(Settings(files.Root));

    [Theory]
    [InlineData("fifo.json", "not a regular file")]
    [InlineData("zero.json", "outside")]
    [InlineData("/dev/zero", "outside")]
    [InlineData("escape.json", "outside")]
    [InlineData("relative-escape.json", "outside")]
    [InlineData("outdir/secret.json", "outside")]
    [InlineData("../x.json", "outside")]
    [InlineData("sub/../../x.json", "outside")]
    [InlineData("/etc/passwd", "outside")]
    [InlineData("big.json", "larger than")]
    [InlineData("empty.json", "not a regular file")]
    [InlineData("sub", "directory")]
    [InlineData("loop.json", "symbolic links")]
    public async Task AHostilePathIsRefusedWithItsReasonAndNeverOpened(string path, string reason)
    {
        Assert.Contains(reason, directory.Refusal(path), StringComparison.Ordinal);
        var clock = Stopwatch.StartNew();
        var refused = await Assert.ThrowsAsync<AgentConfigRefusedException>(() => directory.ReadTextAsync(path, CancellationToken.None));
        Assert.Contains(reason, refused.Message, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"refusing {path} took {clock.Elapsed}");
    }

    [Theory]
    [InlineData("good.json")]
    [InlineData("inside.json")]
    [InlineData("sub/../good.json")]
    public async Task ARegularFileInsideIsRead(string path)
    {
        Assert.Null(directory.Refusal(path));
        Assert.Equal(AgentConfigFiles.ValidConfig, await directory.ReadTextAsync(path, CancellationToken.None));
        Assert.Equal(AgentConfigFiles.ValidConfig, await directory.ReadTextAsync(Path.Combine(files.Root, path), CancellationToken.None));
    }

    [Fact]
    public async Task AFileNotWrittenYetMayBeRegisteredButIsNotRead()
    {
        Assert.Null(directory.Refusal("later/agent.json"));
        var refused = await Assert.ThrowsAsync<AgentConfigRefusedException>(() => directory.ReadTextAsync("later/agent.json", CancellationToken.None));
        Assert.Contains("does not exist", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AMissingDirectoryStopsStartUpNamingTheSetting()
    {
        var missing = Path.Combine(files.Root, "missing");
        var error = Assert.Throws<ConfigurationException>(() => AgentConfigDirectory.Read(Settings(missing)));
        Assert.StartsWith("AGENT_CONFIG_DIR", error.Message, StringComparison.Ordinal);
        Assert.Throws<ConfigurationException>(() => AgentConfigDirectory.Read(Settings(Path.Combine(files.Root, "good.json"))));
    }

    public void Dispose() => files.Dispose();

    private static SettingReader Settings(string root) =>
        new(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["AGENT_CONFIG_DIR"] = root }).Build());
}
