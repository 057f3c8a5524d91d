using Monolith.Http;

namespace Monolith.Registry;

/// <summary>Where a page of agents or tools (ordered by name) ended.</summary>
internal sealed record NameCursor(string Name)
{
    /// <summary>Decodes a cursor and refuses one whose name no agent or tool could have.</summary>
    public static NameCursor? Read(string? cursor)
    {
        var after = PageCursor.Decode<NameCursor>(cursor);
        return after is null || RegistryText.IsName(after.Name)
            ? after
            : throw new BadRequestException("cursor", "The cursor is not valid: pass nextCursor from a previous page.");
    }
}
