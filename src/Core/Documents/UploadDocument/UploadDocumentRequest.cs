namespace Monolith.Documents;

/// <summary>
/// POST /api/documents as read from either body: a multipart form (userId, file, optional fileName and metadata) or
/// JSON {userId, fileName, text, metadata?}. Metadata is the JSON text of an object; HasFile says a file part came.
/// </summary>
public sealed record UploadDocumentRequest(long? UserId, string? FileName, string? ContentType, string? Text, string? Metadata, bool HasFile);
