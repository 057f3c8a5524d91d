using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Monolith.Mechanic;

/// <summary>
/// The replayable form of a dynamic migration (src/Dynamic/Migrations/&lt;id&gt;.json): its steps in order and a checksum
/// over them, so a replay can refuse a file that was edited after review.
/// </summary>
public sealed record MigrationDocument(
    int Format,
    string Id,
    string Entity,
    string Table,
    string? PreviousMigrationId,
    IReadOnlyList<string> Operations,
    IReadOnlyList<MigrationStep> Steps,
    string Checksum)
{
    public const int CurrentFormat = 1;

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>SHA-256 (hex) over every step's transaction mode and SQL, in order.</summary>
    public static string ComputeChecksum(IEnumerable<MigrationStep> steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        var text = new StringBuilder();
        foreach (var step in steps)
        {
            text.Append(step.InTransaction ? "tx\n" : "no-tx\n").Append(step.Sql).Append("\n\0\n");
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    public static MigrationDocument Parse(string json) =>
        JsonSerializer.Deserialize<MigrationDocument>(json, Options) ?? throw new InvalidDataException("The migration file is empty.");

    /// <summary>Whether the steps are the ones the checksum was computed over.</summary>
    public bool IsIntact => Format == CurrentFormat && ComputeChecksum(Steps) == Checksum;

    public string ToJson() => JsonSerializer.Serialize(this, Options) + "\n";
}
