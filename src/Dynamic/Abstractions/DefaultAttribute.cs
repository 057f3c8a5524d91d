using System;

namespace Monolith.Dynamic;

/// <summary>The column's constant default, written as JSON text ("0", "true", "\"draft\"", "[]").</summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
public sealed class DefaultAttribute(string json) : Attribute
{
    public string Json { get; } = json;
}
