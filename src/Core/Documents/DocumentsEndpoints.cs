using Microsoft.AspNetCore.Routing;
using Monolith.Http;

namespace Monolith.Documents;

/// <summary>The documents routes: /api/documents/* (service key) and DELETE /api/admin/documents/{id} (admin key).</summary>
public static class DocumentsEndpoints
{
    public static IEndpointRouteBuilder MapDocumentsEndpoints(this IEndpointRouteBuilder app)
    {
        var documents = app.MapServiceApi("/documents", "Documents");
        UploadDocumentEndpoint.Map(documents);
        ListDocumentsEndpoint.Map(documents);
        SearchDocumentsEndpoint.Map(documents);
        GetDocumentEndpoint.Map(documents);
        DeleteDocumentEndpoint.Map(documents, app.MapAdminApi("/documents", "Documents"));
        return app;
    }
}
