using System.Net;
using Monolith.Tests.Support;
using Npgsql;

namespace Monolith.Tests.Core.Documents;

public sealed class DeletingADocumentTakesItsChunksAlong(MonolithFixture fixture) : IntegrationTest(fixture)
{
    private const long User = 7_000_000_301;

    [Fact]
    public async Task TheDocumentItsChunksAndTheirSearchRowsGoInOneStepWithAnAuditRow()
    {
        var client = Fixture.Client();
        var keep = DocumentsApi.IdOf(await DocumentsApi.AddAsync(client, User, "keep.txt", "A document that stays."u8.ToArray()));
        var document = await DocumentsApi.AddAsync(client, User, "long.txt", System.Text.Encoding.UTF8.GetBytes(string.Join("\n\n", TestFiles.Filler(200, "garden"))));
        var id = DocumentsApi.IdOf(document);
        Assert.True(document.GetProperty("chunks").GetInt32() > 1);

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/documents/{id}?userId={User}")).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/documents/{id}")).StatusCode);
        Assert.Equal(0L, await CountAsync("SELECT count(*) FROM document_chunks WHERE document_id = $1", id));
        Assert.Equal(0L, await CountAsync("SELECT count(*) FROM search_index WHERE metadata @> jsonb_build_object('documentId', $1::text)", id.ToString()));
        Assert.Equal(1L, await CountAsync("SELECT count(*) FROM documents WHERE id = $1", keep));
        Assert.Equal(1L, await CountAsync("SELECT count(*) FROM audit_log WHERE action = 'document_delete' AND actor = 'service' AND details->>'documentId' = $1", id.ToString()));
        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync($"/api/documents/{id}")).StatusCode);
    }

    [Fact]
    public async Task AnAdminDeleteIsAuditedAsTheAdmin()
    {
        var id = DocumentsApi.IdOf(await DocumentsApi.AddAsync(Fixture.Client(), User, "admin.txt", "Something an admin removes."u8.ToArray()));

        Assert.Equal(HttpStatusCode.Forbidden, (await Fixture.Client().DeleteAsync($"/api/admin/documents/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await Fixture.AdminClient().DeleteAsync($"/api/admin/documents/{id}")).StatusCode);
        Assert.Equal(1L, await CountAsync(
            "SELECT count(*) FROM audit_log WHERE action = 'document_delete' AND actor = 'admin' AND details->>'fileName' = 'admin.txt' AND (details->>'userId')::bigint = $1", User));
    }

    private async Task<long> CountAsync(string sql, object parameter)
    {
        await using var connection = new NpgsqlConnection(Fixture.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
