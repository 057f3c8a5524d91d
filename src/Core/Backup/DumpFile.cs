using System.Text;

namespace Monolith.Backup;

/// <summary>Recognises pg_dump custom-format archives by their "PGDMP" magic, before pg_restore is asked to read one.</summary>
public static class DumpFile
{
    private static readonly byte[] Magic = Encoding.ASCII.GetBytes("PGDMP");

    public static async Task<bool> IsCustomFormatAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 16, useAsync: true);
        var head = new byte[Magic.Length];
        var read = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
        return read == Magic.Length && head.AsSpan().SequenceEqual(Magic);
    }
}
