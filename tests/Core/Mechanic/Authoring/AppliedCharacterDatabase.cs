using Monolith.Mechanic;
namespace Monolith.Tests.Core.Mechanic;

/// <summary>A scratch database where Project and Character (with a row) are applied, for drafting changes against.</summary>
public sealed class AppliedCharacterDatabase : IAsyncLifetime
{
    public const string Character = """
        {"name":"Character","fields":[
          {"name":"Name","type":"string","maxLength":100,"required":true},
          {"name":"Age","type":"int"},
          {"name":"Nickname","type":"string","maxLength":40},
          {"name":"ProjectId","type":"uuid","references":"Project"}]}
        """;

    public AuthoringDatabase Db { get; } = new();

    public async Task InitializeAsync()
    {
        await Db.InitializeAsync();
        await Db.ApplyAsync(AuthoringDatabase.Entity("""{"name":"Project","fields":[{"name":"Title","type":"text"}]}"""));
        await Db.ApplyAsync(AuthoringDatabase.Entity(Character));
        await Db.ScalarAsync<object>("INSERT INTO characters (name) VALUES ('Ada')");
    }

    public Task DisposeAsync() => Db.DisposeAsync();
}
