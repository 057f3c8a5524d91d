using System;

namespace Monolith.Dynamic;

/// <summary>The base of every dynamic entity: the columns every dynamic table carries.</summary>
public abstract class DynamicEntity
{
    public Guid Id { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public bool IsDeleted { get; set; }

    public long? CreatedBy { get; set; }
}
