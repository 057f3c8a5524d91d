using System;

namespace Monolith.Dynamic;

/// <summary>Marks a text property whose content the search index receives.</summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
public sealed class SearchableAttribute : Attribute;
