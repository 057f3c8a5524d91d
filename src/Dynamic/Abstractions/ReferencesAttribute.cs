using System;

namespace Monolith.Dynamic;

/// <summary>Marks a Guid property as a foreign key to another dynamic entity's id.</summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
public sealed class ReferencesAttribute : Attribute
{
    public ReferencesAttribute(Type entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        Entity = entity.Name;
    }

    public ReferencesAttribute(string entity) => Entity = entity;

    public string Entity { get; }
}
