using System;

namespace Monolith.Dynamic;

/// <summary>Marks an entity that is no longer served; its table stays because tables are never dropped.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class RetiredAttribute : Attribute;
