namespace Monolith.Http;

/// <summary>A request that is well-formed but wrong in a way one field explains: 400 naming the field.</summary>
public sealed class BadRequestException(string field, string detail) : Exception(detail)
{
    public string Field { get; } = field;
}
