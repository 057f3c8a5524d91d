using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Monolith.Mechanic;

/// <summary>
/// The semantic half of the entity whitelist: binds the checked class against the minimal references and rejects any
/// symbol that is not one of the allowed property types, the entity base, the entity attributes or another entity.
/// </summary>
public static class EntitySemanticRules
{
    private static readonly HashSet<string> AllowedTypes = new(StringComparer.Ordinal)
    {
        "System.String", "System.Int32", "System.Int64", "System.Decimal", "System.Boolean", "System.DateTime",
        "System.DateOnly", "System.Guid", "System.Nullable`1", "Monolith.Dynamic.DynamicEntity",
        "Monolith.Dynamic.MaxLengthAttribute", "Monolith.Dynamic.RequiredAttribute", "Monolith.Dynamic.SearchableAttribute",
        "Monolith.Dynamic.DeprecatedAttribute", "Monolith.Dynamic.RetiredAttribute", "Monolith.Dynamic.DefaultAttribute",
        "Monolith.Dynamic.ReferencesAttribute", "Monolith.Dynamic.JsonAttribute", "Monolith.Dynamic.TableAttribute",
    };

    /// <summary>Binds <paramref name="tree"/> (already syntax-checked) and returns the entity's symbol when every symbol is allowed.</summary>
    /// <param name="otherEntities">Names of the other entities, which typeof(...) in [References] may name.</param>
    public static INamedTypeSymbol? Check(SyntaxTree tree, IEnumerable<string> otherEntities, List<SafetyFinding> findings)
    {
        var before = findings.Count;
        var declaration = tree.GetCompilationUnitRoot().Members.OfType<ClassDeclarationSyntax>().Single();
        var self = declaration.Identifier.ValueText;
        var stubs = otherEntities
            .Where(n => n != self && SchemaNames.IsEntityOrFieldName(n))
            .Select(n => CSharpSyntaxTree.ParseText($"public class {n} : DynamicEntity {{ }}\n", EntitySyntaxRules.ParseOptions));
        var compilation = SchemaCompilation.Create("Monolith.Dynamic.Check", [tree, .. stubs]);
        foreach (var diagnostic in compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error && d.Location.SourceTree == tree))
        {
            findings.Add(new SafetyFinding("compile-error", SafetyFinding.Error, $"{diagnostic.Id}: {diagnostic.GetMessage(CultureInfo.InvariantCulture)}", EntitySyntaxRules.Line(diagnostic.Location)));
        }

        var model = compilation.GetSemanticModel(tree);
        var symbol = model.GetDeclaredSymbol(declaration);
        foreach (var node in declaration.DescendantNodes())
        {
            if (node is not (IdentifierNameSyntax or PredefinedTypeSyntax or NullableTypeSyntax))
            {
                continue;
            }

            var bound = model.GetSymbolInfo(node).Symbol;
            if (bound is null)
            {
                continue;
            }

            if (!IsAllowed(bound, symbol, compilation))
            {
                findings.Add(new SafetyFinding("disallowed-symbol", SafetyFinding.Error, $"'{node}' binds to {bound.ToDisplayString()}, which an entity may not use", EntitySyntaxRules.Line(node)));
            }
        }

        if (symbol is not null)
        {
            foreach (var attribute in symbol.GetAttributes().Concat(symbol.GetMembers().OfType<IPropertySymbol>().SelectMany(p => p.GetAttributes())))
            {
                if (attribute.AttributeClass is not { } type || !AllowedTypes.Contains(MetadataName(type)))
                {
                    findings.Add(new SafetyFinding("attribute", SafetyFinding.Error, $"the attribute {attribute.AttributeClass?.ToDisplayString()} is not an entity attribute"));
                }
            }
        }

        return findings.Count == before ? symbol : null;
    }

    private static bool IsAllowed(ISymbol bound, INamedTypeSymbol? self, Compilation compilation) => bound switch
    {
        INamedTypeSymbol type when SymbolEqualityComparer.Default.Equals(type, self) => true,
        INamedTypeSymbol { TypeArguments.Length: 1 } nullable when MetadataName(nullable.OriginalDefinition) == "System.Nullable`1" =>
            IsAllowed(nullable.TypeArguments[0], self, compilation),
        INamedTypeSymbol type when AllowedTypes.Contains(MetadataName(type)) && type.ContainingAssembly.Name != compilation.AssemblyName => true,
        INamedTypeSymbol type => IsOtherEntity(type, compilation),
        IMethodSymbol { MethodKind: MethodKind.Constructor } constructor => AllowedTypes.Contains(MetadataName(constructor.ContainingType))
            && constructor.ContainingType.ContainingAssembly.Name != compilation.AssemblyName,
        _ => false,
    };

    private static bool IsOtherEntity(INamedTypeSymbol type, Compilation compilation) =>
        SymbolEqualityComparer.Default.Equals(type.ContainingAssembly, compilation.Assembly)
        && type.ContainingNamespace.IsGlobalNamespace
        && type.BaseType is { } baseType && MetadataName(baseType) == "Monolith.Dynamic.DynamicEntity";

    private static string MetadataName(INamedTypeSymbol type) =>
        type.ContainingNamespace.IsGlobalNamespace ? type.MetadataName : $"{type.ContainingNamespace.ToDisplayString()}.{type.MetadataName}";
}
