using System.Text.Json;
using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Monolith.Http;

namespace Monolith.Documents;

/// <summary>
/// POST /api/documents → 201 with the new document, 200 with the user's existing one when the same bytes came before,
/// 400 (request), 413 (too large), 415 (format) or 422 (file unreadable) as problem+json. Nothing is stored on failure.
/// </summary>
public static class UploadDocumentEndpoint
{
    private const int FormOverheadBytes = 64 * 1024;

    public static RouteHandlerBuilder Map(RouteGroupBuilder group) =>
        group.MapPost("/", HandleAsync).DisableAntiforgery()
            .Accepts<UploadTextBody>("application/json", "multipart/form-data")
            .ProducesValidationProblem();

    private static async Task<Results<Created<DocumentView>, Ok<DocumentView>, ProblemHttpResult>> HandleAsync(
        HttpRequest request, IValidator<UploadDocumentRequest> validator, DocumentLibrary library, DocumentSettings settings,
        IOptions<JsonOptions> json, CancellationToken cancellationToken)
    {
        var limit = Math.Max((long)settings.MaxBytes, settings.MaxCharacters * 6L) + FormOverheadBytes;
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limit;
        }

        if (request.ContentLength > limit)
        {
            return TooLarge($"The request is {request.ContentLength} bytes; a document may be at most {settings.MaxBytes} bytes.");
        }

        try
        {
            DocumentAdded added;
            if (request.HasFormContentType)
            {
                var (upload, content) = await ReadFormAsync(request, settings, cancellationToken);
                await validator.ValidateAndThrowAsync(upload, cancellationToken);
                if (content is null)
                {
                    return TooLarge($"The file is larger than {settings.MaxBytes} bytes, the most a document may be.");
                }

                added = await library.AddAsync(new NewDocument(upload.UserId!.Value, upload.FileName!, upload.ContentType, content, upload.Metadata), cancellationToken);
            }
            else if (request.HasJsonContentType())
            {
                var body = await request.ReadFromJsonAsync<UploadTextBody>(json.Value.SerializerOptions, cancellationToken)
                    ?? throw new BadRequestException("body", "The body must be a JSON object.");
                var upload = new UploadDocumentRequest(
                    body.UserId, body.FileName, null, body.Text, body.Metadata is { ValueKind: not JsonValueKind.Null } m ? m.GetRawText() : null, HasFile: false);
                await validator.ValidateAndThrowAsync(upload, cancellationToken);
                added = await library.AddTextAsync(upload.UserId!.Value, upload.FileName!, upload.Text!, upload.Metadata, cancellationToken);
            }
            else
            {
                return TypedResults.Problem(
                    "Send multipart/form-data with a 'file' part, or JSON with 'text'.", statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type.");
            }

            return added.Duplicate ? TypedResults.Ok(added.Document) : TypedResults.Created($"/api/documents/{added.Document.Id}", added.Document);
        }
        catch (UnreadableDocumentException e)
        {
            return TypedResults.Problem(e.Message, statusCode: e.Status, title: Title(e.Status));
        }
    }

    private static async Task<(UploadDocumentRequest Upload, byte[]? Content)> ReadFormAsync(HttpRequest request, DocumentSettings settings, CancellationToken cancellationToken)
    {
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(
                new FormOptions { MultipartBodyLengthLimit = settings.MaxBytes + (long)FormOverheadBytes, ValueLengthLimit = FormOverheadBytes, ValueCountLimit = 16 },
                cancellationToken);
        }
        catch (Exception e) when (e is InvalidDataException or IOException && !cancellationToken.IsCancellationRequested)
        {
            throw new BadRequestException("file", $"The multipart body could not be read: {e.Message}");
        }

        var file = form.Files.GetFile("file");
        if (form.Files.Count > 1)
        {
            throw new BadRequestException("file", "Send one file per request.");
        }

        long? userId = form.TryGetValue("userId", out var user) ? (long.TryParse(user.ToString(), out var id) ? id : -1) : null;
        var fileName = form.TryGetValue("fileName", out var name) && !string.IsNullOrEmpty(name.ToString()) ? name.ToString() : file?.FileName;
        var metadata = form.TryGetValue("metadata", out var meta) ? meta.ToString() : null;
        var upload = new UploadDocumentRequest(userId, fileName, file?.ContentType, null, metadata, HasFile: file is not null);
        if (file is null || file.Length > settings.MaxBytes)
        {
            return (upload, null);
        }

        var content = new byte[file.Length];
        await using var stream = file.OpenReadStream();
        await stream.ReadExactlyAsync(content, cancellationToken);
        return (upload, content);
    }

    private static ProblemHttpResult TooLarge(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status413PayloadTooLarge, title: Title(StatusCodes.Status413PayloadTooLarge));

    private static string Title(int status) => status switch
    {
        StatusCodes.Status413PayloadTooLarge => "The document is too large.",
        StatusCodes.Status415UnsupportedMediaType => "The format is not supported.",
        _ => "The document cannot be read.",
    };
}
