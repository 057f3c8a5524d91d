using System;

namespace Monolith.Dynamic;

/// <summary>Marks a field that must have a value (a NOT NULL column).</summary>
/// <remarks>Declared here rather than taken from DataAnnotations so entity sources compile against this assembly and the core library only.</remarks>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
public sealed class RequiredAttribute : Attribute;
