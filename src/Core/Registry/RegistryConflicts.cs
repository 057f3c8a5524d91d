using Microsoft.EntityFrameworkCore;
using Monolith.Http;
using Npgsql;

namespace Monolith.Registry;

/// <summary>Saves registry changes, turning a taken unique name into a 409 that names it.</summary>
internal static class RegistryConflicts
{
    public static ConflictException NameTaken(string what, string name) => new($"{Article(what)} {what} named '{name}' already exists.");

    /// <summary>Callers look the name up first to answer the common case without a failed INSERT; this still decides a race.</summary>
    public static async Task SaveUniqueAsync(this RegistryDbContext db, string what, string name, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            throw NameTaken(what, name);
        }
    }

    private static string Article(string noun) => "aeiou".Contains(char.ToLowerInvariant(noun[0]), StringComparison.Ordinal) ? "An" : "A";
}
