using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Monolith.Http;

namespace Monolith.Checkpoints;

/// <summary>
/// The checkpoint routes: /api/threads/{threadId}/checkpoints/*, DELETE /api/threads/{threadId}, the cross-thread list
/// /api/checkpoints, and the admin thread deletion /api/admin/threads/{threadId}.
/// </summary>
public static class CheckpointsEndpoints
{
    public static IEndpointRouteBuilder MapCheckpointsEndpoints(this IEndpointRouteBuilder app)
    {
        var thread = app.MapServiceApi("/threads/{threadId}", "Checkpoints");
        thread.AddEndpointFilter<RawThreadId>();
        var checkpoints = thread.MapGroup("/checkpoints");
        PutCheckpointEndpoint.Map(checkpoints);
        GetLatestCheckpointEndpoint.Map(checkpoints);
        GetCheckpointEndpoint.Map(checkpoints);
        ListCheckpointsEndpoint.Map(checkpoints);
        PutWritesEndpoint.Map(checkpoints);
        DeleteThreadEndpoint.Map(thread);
        ListCheckpointsEndpoint.Map(app.MapServiceApi("/checkpoints", "Checkpoints"));
        var admin = app.MapAdminApi("/threads/{threadId}", "Checkpoints");
        admin.AddEndpointFilter<RawThreadId>();
        DeleteThreadEndpoint.Map(admin);
        return app;
    }
}
