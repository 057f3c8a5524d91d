using System;

namespace Monolith.Dynamic;

/// <summary>The maximum length of a string field (a varchar(n) column).</summary>
/// <remarks>Declared here rather than taken from DataAnnotations so entity sources compile against this assembly and the core library only.</remarks>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
public sealed class MaxLengthAttribute(int length) : Attribute
{
    public int Length { get; } = length;
}
