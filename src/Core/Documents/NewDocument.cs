namespace Monolith.Documents;

/// <summary>A file to add for a user: its name, the content type it came with, its bytes and a metadata object (JSON text, null for {}).</summary>
public sealed record NewDocument(long UserId, string FileName, string? ContentType, byte[] Content, string? Metadata = null);
