using System.Reflection;
using Microsoft.AspNetCore.Http;

namespace Monolith.Admin;

/// <summary>One static file of the review page (HTML shell, script, style), read once from the assembly's embedded resources.</summary>
public sealed record AdminPage(string ContentType, byte[] Content)
{
    /// <summary>No inline script or style, nothing from other origins, no framing: proposal text can never run as code.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; " +
        "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    public static AdminPage Load(string fileName, string contentType)
    {
        using var stream = typeof(AdminPage).Assembly.GetManifestResourceStream("Monolith.Admin.Page." + fileName)
            ?? throw new InvalidOperationException($"The admin page file {fileName} is not embedded in {typeof(AdminPage).Assembly.GetName().Name}.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return new AdminPage(contentType, buffer.ToArray());
    }

    public IResult Serve(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers.CacheControl = "no-cache";
        return TypedResults.Bytes(Content, ContentType);
    }
}
