using Monolith.Configuration;

namespace Monolith.Documents;

/// <summary>
/// Limits on what one document may cost and how it is cut into chunks: DOCUMENT_MAX_BYTES, DOCUMENT_MAX_PAGES,
/// DOCUMENT_MAX_CHARACTERS, DOCUMENT_EXTRACT_SECONDS, DOCUMENT_CHUNK_TOKENS and DOCUMENT_CHUNK_OVERLAP_TOKENS.
/// </summary>
public sealed record DocumentSettings(
    int MaxBytes, int MaxPages, int MaxCharacters, TimeSpan ExtractionBudget, int ChunkTokens, int OverlapTokens)
{
    /// <summary>What a Telegram bot may fetch through getFile; uploads are held to the same size by default.</summary>
    public const int BotFileLimitBytes = 20 * 1024 * 1024;

    /// <summary>
    /// all-MiniLM-L6-v2 reads at most 256 word pieces and was trained on 128; tools/bench/run documents found facts
    /// in 128-token chunks more often than in 256-token ones (a fact is a larger share of a smaller chunk's mean).
    /// </summary>
    public const int DefaultChunkTokens = 128;

    public const int MaxChunkTokens = 512;

    public static readonly DocumentSettings Default = new(BotFileLimitBytes, 500, 2_000_000, TimeSpan.FromSeconds(30), DefaultChunkTokens, 16);

    public static DocumentSettings Read(SettingReader settings)
    {
        var chunkTokens = settings.Number("DOCUMENT_CHUNK_TOKENS", DefaultChunkTokens, 32, MaxChunkTokens);
        return new DocumentSettings(
            settings.Number("DOCUMENT_MAX_BYTES", BotFileLimitBytes, 1024, 100 * 1024 * 1024),
            settings.Number("DOCUMENT_MAX_PAGES", Default.MaxPages, 1, 10_000),
            settings.Number("DOCUMENT_MAX_CHARACTERS", Default.MaxCharacters, 1000, 50_000_000),
            TimeSpan.FromSeconds(settings.Number("DOCUMENT_EXTRACT_SECONDS", (int)Default.ExtractionBudget.TotalSeconds, 1, 600)),
            chunkTokens,
            settings.Number("DOCUMENT_CHUNK_OVERLAP_TOKENS", Default.OverlapTokens, 0, chunkTokens / 2));
    }
}
