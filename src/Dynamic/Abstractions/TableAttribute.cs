using System;

namespace Monolith.Dynamic;

/// <summary>The entity's table when it is not the snake_case plural of the class name.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class TableAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}
