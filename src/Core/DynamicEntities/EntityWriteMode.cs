namespace Monolith.DynamicEntities;

/// <summary>Which write a dynamic entity body is validated for: a create needs every required field, a patch only checks what it sends.</summary>
public enum EntityWriteMode
{
    Create,
    Patch,
}
