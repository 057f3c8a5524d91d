using System;

namespace Monolith.Dynamic;

/// <summary>Marks a field that is no longer written; its column stays because columns are never dropped.</summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
public sealed class DeprecatedAttribute : Attribute;
