namespace Monolith.Mechanic;

/// <summary>
/// Turns an untrusted change request into a reviewable draft: the entity class file, the migration and the safety findings.
/// Nothing from the request is executed; the draft is computed against the applied schema, never against other pending drafts.
/// </summary>
public interface ISchemaAuthor
{
    Task<SchemaDraft> DraftAsync(ChangeRequest request, AppliedSchema applied, CancellationToken cancellationToken);
}
