using System.Net.Http.Json;
using System.Text.Json;
using Monolith.Tests.Support;

namespace Monolith.Tests.Core.Registry;

public sealed class UpdatedAtReadsBackAsAnswered(MonolithFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task APutAnswersTheUpdatedAtAGetReturns()
    {
        await RegistryApi.CreateAsync(Fixture.Client(), "agents", new { name = "assistant", description = "old", configPath = "a.yaml" });
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var put = await (await Fixture.Client().PutAsJsonAsync(new Uri("/api/agents/assistant", UriKind.Relative), new { description = $"new {attempt}", configPath = "a.yaml" }))
                .Content.ReadFromJsonAsync<JsonElement>();
            var read = await RegistryApi.GetJsonAsync(Fixture.Client(), "/api/agents/assistant");

            Assert.Equal(read.GetProperty("updatedAt").GetString(), put.GetProperty("updatedAt").GetString());
        }
    }
}
