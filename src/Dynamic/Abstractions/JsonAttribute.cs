using System;

namespace Monolith.Dynamic;

/// <summary>Marks a string property that holds a JSON document (a jsonb column).</summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
public sealed class JsonAttribute : Attribute;
