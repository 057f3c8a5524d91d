using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Monolith.Tests.Core.Mechanic;

public sealed class RejectedSourceIsListedUnderItsClassName
{
    public static TheoryData<string> Sources => new()
    {
        "public class Pet : DynamicEntity\n{\n    public void Run() { System.IO.File.Delete(\"x\"); }\n}\n",
        "public class Pet : DynamicEntity\n{\n    " + new StringBuilder().Insert(0, "[", 30_000).Insert(30_000, "]", 30_000) + "\n}\n",
    };

    [Theory]
    [MemberData(nameof(Sources))]
    public async Task ARefusedSourceKeepsTheNameOfTheClassItDeclares(string source)
    {
        await using var env = await MechanicEnvironment.StartAsync();
        var admin = env.AdminClient();

        var proposal = await ChangeRequests.ProposeAsync(admin, new { instruction = "pets", actor = "story-agent", source });

        Assert.Equal("rejected", proposal.GetProperty("status").GetString());
        Assert.Equal("Pet", proposal.GetProperty("entityName").GetString());
        var listed = await admin.GetFromJsonAsync<JsonElement>(new Uri("/api/admin/mechanic/changes?status=rejected", UriKind.Relative));
        Assert.Equal("Pet", listed.GetProperty("items")[0].GetProperty("entityName").GetString());
    }
}
