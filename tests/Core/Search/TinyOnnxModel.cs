using System.Diagnostics;

namespace Monolith.Tests.Core.Search;

/// <summary>Runs Onnx/write_tiny_model.py (python3-onnx, python3-sentencepiece: tools/test installs them) into a temp folder.</summary>
public sealed class TinyOnnxModel : IDisposable
{
    public const int Hidden = 8;

    public TinyOnnxModel()
    {
        Folder = Directory.CreateTempSubdirectory("monolith-onnx-").FullName;
        var script = Path.Combine(RepositoryRoot(), "tests", "Core", "Search", "Onnx", "write_tiny_model.py");
        // Debian's python3-onnx lives with the system interpreter, which a pyenv shim on PATH would hide.
        var python = File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
        using var process = Process.Start(new ProcessStartInfo(python, [script, Folder]) { RedirectStandardError = true, UseShellExecute = false })!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"write_tiny_model.py failed (tools/test installs python3-onnx and python3-sentencepiece): {error}");
        }
    }

    public string Folder { get; }

    public string ModelPath => Path.Combine(Folder, "tiny-model.onnx");

    public string VocabPath => Path.Combine(Folder, "vocab.txt");

    public string SentencePiecePath => Path.Combine(Folder, "sentencepiece.bpe.model");

    public string XlmrExpectedPath => Path.Combine(Folder, "xlmr-expected.json");

    /// <summary>The model's token table, as the script builds it.</summary>
    public static float Table(int token, int j) => (((7 * token) + (3 * j)) % 11 - 5) / 5f;

    /// <summary>Added to every token the attention mask keeps.</summary>
    public static float Bias(int j) => ((j % 3) - 1) / 10f;

    public void Dispose() => Directory.Delete(Folder, recursive: true);

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Monolith.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Monolith.sln not found above the test output folder");
    }
}
