using System.Text.Json;

namespace Monolith.Documents;

/// <summary>The JSON body of POST /api/documents: text sent as text, with the file name it should carry.</summary>
public sealed record UploadTextBody(long? UserId, string? FileName, string? Text, JsonElement? Metadata);
