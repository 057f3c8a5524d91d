namespace Monolith.Database;

/// <summary>
/// The one definition of how text is searched: exact words ('simple', so Ukrainian — which has no PostgreSQL
/// configuration — and any other language stay findable), English stems and Russian stems. Every stored
/// tsvector and every query uses these, so documents and queries always agree.
/// </summary>
public static class FullTextLanguages
{
    /// <summary>The generated tsvector of a <c>content</c> column.</summary>
    public const string ContentVector =
        "to_tsvector('simple'::regconfig, content) || to_tsvector('english'::regconfig, content) || to_tsvector('russian'::regconfig, content)";

    /// <summary>
    /// The tsquery of user text in <paramref name="parameter"/> (for example <c>$2</c>); websearch syntax never raises an
    /// error. <paramref name="ukrainianParameter"/> holds <see cref="UkrainianStems.Query"/> of the same text (NULL when
    /// it has no Ukrainian stem): its prefixes add the Ukrainian word forms (<c>хліб</c> finds <c>хлібом</c>).
    /// </summary>
    public static string Query(string parameter, string ukrainianParameter)
    {
        var words = $"websearch_to_tsquery('simple'::regconfig, {parameter}) || websearch_to_tsquery('english'::regconfig, {parameter}) || websearch_to_tsquery('russian'::regconfig, {parameter})";
        return $"CASE WHEN {ukrainianParameter}::text IS NULL THEN {words} ELSE {words} || to_tsquery('simple'::regconfig, {ukrainianParameter}::text) END";
    }
}
