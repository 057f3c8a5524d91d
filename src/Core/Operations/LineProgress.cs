namespace Monolith.Operations;

/// <summary>Writes progress lines to an operator's output at once and in order (Progress&lt;T&gt; would post them later, out of order).</summary>
public sealed class LineProgress(TextWriter output, string indent = "  ") : IProgress<string>
{
    private readonly Lock gate = new();

    public void Report(string value)
    {
        lock (gate)
        {
            output.WriteLine(indent + value);
            output.Flush();
        }
    }
}
