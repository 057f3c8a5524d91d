using System.Net.Http.Json;
using System.Text.Json;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using Monolith.DynamicEntities;
using Monolith.Schema;
using Monolith.Tests.Core.Mechanic;
using static Monolith.Tests.Core.Mechanic.ChangeRequests;

namespace Monolith.Tests.Core.DynamicEntities;

/// <summary>A request holds the schema version it captured at its start; a change applied meanwhile is the next request's.</summary>
public sealed class RequestsFinishOnTheSchemaTheyStartedWith
{
    [Fact]
    public async Task WriteThatStartedBeforeAChangeUsesTheOldShapeAndTheNextRequestTheNewOne()
    {
        await using var env = await MechanicEnvironment.StartAsync();
        var admin = env.AdminClient();
        await ApproveAsync(admin, await ProposeAsync(admin, Entity("Ship", "ships", Field("Name", "string", 100, required: true))));
        var catalog = env.Host.Services.GetRequiredService<SchemaCatalog>();
        var started = catalog.Current;

        await ApproveAsync(admin, await ProposeAsync(admin, Entity("Ship", "ships get a crew", Field("Name", "string", 100, required: true), Field("Crew", "int"))));
        Assert.Equal(started.Number + 1, catalog.Current.Number);

        await using var scope = env.Host.Services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<DynamicEntityStore>();
        var shape = DynamicEntityStore.Resolve(started, "ships");
        var row = await store.CreateAsync(started, shape, Input(new { createdBy = 1L, name = "Argo" }), CancellationToken.None);
        Assert.Equal("Argo", row["name"]!.GetValue<string>());
        Assert.False(row.ContainsKey("crew"));
        var unknown = await Assert.ThrowsAsync<ValidationException>(() =>
            store.CreateAsync(started, shape, Input(new { createdBy = 1L, name = "Argo", crew = 50 }), CancellationToken.None));
        Assert.Contains(unknown.Errors, e => e.PropertyName == "crew");

        var next = await env.Host.Client().PostAsJsonAsync(new Uri("/api/entities/ships", UriKind.Relative), new { createdBy = 1L, name = "Argo II", crew = 50 });
        var created = await next.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(50, created.GetProperty("crew").GetInt32());
        var old = await env.Host.Client().GetFromJsonAsync<JsonElement>(new Uri($"/api/entities/ships/{row["id"]!.GetValue<Guid>()}", UriKind.Relative));
        Assert.Equal(JsonValueKind.Null, old.GetProperty("crew").ValueKind);
    }

    private static EntityInput Input(object body) => EntityInput.Parse(JsonSerializer.SerializeToElement(body));
}
