using System.Diagnostics;

namespace Monolith.Tests.Core.Registry;

/// <summary>A temporary AGENT_CONFIG_DIR with the hostile entries the tests need: a FIFO, links out, a big file.</summary>
public sealed class AgentConfigFiles : IDisposable
{
    public const string ValidConfig = """{"prompt": "You are the configured bot."}""";

    public AgentConfigFiles()
    {
        Root = Directory.CreateTempSubdirectory("agent-configs-").FullName;
        Outside = Directory.CreateTempSubdirectory("agent-outside-").FullName;
        File.WriteAllText(Path.Combine(Root, "good.json"), ValidConfig);
        File.WriteAllText(Path.Combine(Outside, "secret.json"), ValidConfig);
        File.WriteAllText(Path.Combine(Root, "big.json"), "{\"prompt\": \"" + new string('x', 70_000) + "\"}");
        File.WriteAllText(Path.Combine(Root, "empty.json"), string.Empty);
        Directory.CreateDirectory(Path.Combine(Root, "sub"));
        MakeFifo(Path.Combine(Root, "fifo.json"));
        File.CreateSymbolicLink(Path.Combine(Root, "zero.json"), "/dev/zero");
        File.CreateSymbolicLink(Path.Combine(Root, "escape.json"), Path.Combine(Outside, "secret.json"));
        File.CreateSymbolicLink(Path.Combine(Root, "relative-escape.json"), Path.Combine("..", Path.GetFileName(Outside), "secret.json"));
        File.CreateSymbolicLink(Path.Combine(Root, "inside.json"), "good.json");
        Directory.CreateSymbolicLink(Path.Combine(Root, "outdir"), Outside);
        File.CreateSymbolicLink(Path.Combine(Root, "loop.json"), "loop.json");
    }

    public string Root { get; }

    public string Outside { get; }

    public void Dispose()
    {
        Directory.Delete(Root, recursive: true);
        Directory.Delete(Outside, recursive: true);
    }

    private static void MakeFifo(string path)
    {
        using var mkfifo = Process.Start("mkfifo", [path]);
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
    }
}
