namespace Monolith.DynamicEntities;

/// <summary>
/// ?createdBy= on the by-id routes: the user the caller acts for. When given, a row another user created answers 404
/// exactly like a row that does not exist.
/// </summary>
public sealed record EntityOwnerQuery(long? CreatedBy);
