using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Monolith.Mechanic;

/// <summary>
/// The syntax half of the entity whitelist: a file may hold one public class deriving from DynamicEntity whose members are
/// auto-properties of allowed types with allowed attributes. Anything else is a finding; nothing is descended into that
/// is not on the list, so unknown constructs are rejected rather than overlooked.
/// </summary>
public static class EntitySyntaxRules
{
    public const int MaxSourceLength = 64 * 1024;

    private static readonly HashSet<string> PropertyTypeNames = new(StringComparer.Ordinal) { "Guid", "DateTime", "DateOnly" };

    private static readonly HashSet<SyntaxKind> PredefinedTypes =
        [SyntaxKind.StringKeyword, SyntaxKind.IntKeyword, SyntaxKind.LongKeyword, SyntaxKind.DecimalKeyword, SyntaxKind.BoolKeyword];

    private static readonly HashSet<string> PropertyAttributes = new(StringComparer.Ordinal)
    {
        "MaxLength", "Required", "Searchable", "Deprecated", "Default", "References", "Json",
    };

    private static readonly HashSet<string> ClassAttributes = new(StringComparer.Ordinal) { "Retired", "Table" };

    public static CSharpParseOptions ParseOptions { get; } =
        new(LanguageVersion.Latest, DocumentationMode.None, SourceCodeKind.Regular);

    /// <summary>Screens, parses and checks <paramref name="source"/>; returns the class when the syntax is acceptable.</summary>
    public static ClassDeclarationSyntax? Check(
        string source, string? expectedName, List<SafetyFinding> findings, out SyntaxTree? tree, CancellationToken cancellationToken = default)
    {
        tree = null;
        if (source.Length > MaxSourceLength)
        {
            findings.Add(new SafetyFinding("source-too-large", SafetyFinding.Error, $"the source is {source.Length} characters; at most {MaxSourceLength} are accepted"));
            return null;
        }

        if (!EntitySourceScreen.Check(source, findings))
        {
            return null;
        }

        var before = findings.Count;
        tree = CSharpSyntaxTree.ParseText(source, ParseOptions, cancellationToken: cancellationToken);
        var root = tree.GetCompilationUnitRoot(cancellationToken);
        var walker = new Walker(findings);
        foreach (var diagnostic in tree.GetDiagnostics(cancellationToken).Where(d => d.Severity == DiagnosticSeverity.Error))
        {
            findings.Add(new SafetyFinding("syntax-error", SafetyFinding.Error, $"{diagnostic.Id}: {diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}", Line(diagnostic.Location)));
        }

        walker.CheckTrivia(root);
        var type = walker.CheckCompilationUnit(root, expectedName);
        return findings.Count == before ? type : null;
    }

    internal static int Line(SyntaxNode node) => node.GetLocation().GetLineSpan().StartLinePosition.Line + 1;

    internal static int Line(Location location) => location.GetLineSpan().StartLinePosition.Line + 1;

    private static string AttributeName(AttributeSyntax attribute)
    {
        var name = attribute.Name is IdentifierNameSyntax identifier ? identifier.Identifier.ValueText : "";
        return name.EndsWith("Attribute", StringComparison.Ordinal) ? name[..^"Attribute".Length] : name;
    }

    private sealed class Walker(List<SafetyFinding> findings)
    {
        public void CheckTrivia(CompilationUnitSyntax root)
        {
            foreach (var trivia in root.DescendantTrivia(descendIntoTrivia: true))
            {
                if (trivia.IsDirective || trivia.IsKind(SyntaxKind.DisabledTextTrivia) || trivia.IsKind(SyntaxKind.ShebangDirectiveTrivia))
                {
                    Add("preprocessor-directive", "preprocessor directives (#line, #pragma, #define, #if, ...) are not allowed in an entity", trivia.GetLocation());
                }
                else if (trivia.IsKind(SyntaxKind.SkippedTokensTrivia))
                {
                    Add("syntax-error", "the source contains tokens that are not C#", trivia.GetLocation());
                }
            }
        }

        public ClassDeclarationSyntax? CheckCompilationUnit(CompilationUnitSyntax root, string? expectedName)
        {
            foreach (var extern_ in root.Externs)
            {
                Add("extern-alias", "extern aliases are not allowed", extern_);
            }

            foreach (var usingDirective in root.Usings)
            {
                Add("using-directive", "using directives are not allowed: DynamicEntity and the entity attributes are in scope without them", usingDirective);
            }

            foreach (var list in root.AttributeLists)
            {
                Add("assembly-attribute", "assembly- and module-level attributes are not allowed", list);
            }

            ClassDeclarationSyntax? found = null;
            var types = 0;
            foreach (var member in root.Members)
            {
                switch (member)
                {
                    case GlobalStatementSyntax:
                        Add("top-level-statement", "top-level statements are not allowed", member);
                        break;
                    case BaseNamespaceDeclarationSyntax:
                        Add("namespace", "declare the entity class without a namespace", member);
                        break;
                    case ClassDeclarationSyntax classDeclaration:
                        types++;
                        found = classDeclaration;
                        break;
                    case RecordDeclarationSyntax:
                        types++;
                        Add("type-kind", "records are not allowed; declare a class deriving from DynamicEntity", member);
                        break;
                    default:
                        types++;
                        Add("type-kind", $"a {member.Kind()} is not allowed; declare one class deriving from DynamicEntity", member);
                        break;
                }
            }

            if (types > 1)
            {
                Add("one-type", $"the source declares {types} types; exactly one entity class per request is allowed", root);
                return null;
            }

            if (found is null)
            {
                if (types == 0)
                {
                    Add("one-type", "the source declares no entity class", root);
                }

                return null;
            }

            CheckClass(found, expectedName);
            return found;
        }

        private void CheckClass(ClassDeclarationSyntax type, string? expectedName)
        {
            var name = type.Identifier.ValueText;
            if (expectedName is not null && name != expectedName)
            {
                Add("class-name", $"the class is named '{Clip(name)}' but the entity is '{expectedName}'", type);
            }

            if (!type.Modifiers.Any(SyntaxKind.PublicKeyword))
            {
                Add("class-modifier", "the entity class must be public", type);
            }

            foreach (var modifier in type.Modifiers.Where(m => !m.IsKind(SyntaxKind.PublicKeyword) && !m.IsKind(SyntaxKind.SealedKeyword)))
            {
                var rule = modifier.Kind() switch
                {
                    SyntaxKind.PartialKeyword => "partial-class",
                    SyntaxKind.StaticKeyword => "static-class",
                    SyntaxKind.AbstractKeyword => "abstract-class",
                    SyntaxKind.FileKeyword => "file-scoped-type",
                    SyntaxKind.UnsafeKeyword => "unsafe",
                    _ => "class-modifier",
                };
                Add(rule, $"the modifier '{modifier.ValueText}' is not allowed on an entity class", modifier.GetLocation());
            }

            if (type.TypeParameterList is not null || type.ConstraintClauses.Count > 0)
            {
                Add("generic-class", "an entity class may not be generic", type);
            }

            if (type.ParameterList is not null)
            {
                Add("constructor", "primary constructors are not allowed", type.ParameterList);
            }

            if (type.BaseList is not { Types: [SimpleBaseTypeSyntax { Type: IdentifierNameSyntax { Identifier.ValueText: "DynamicEntity" } }] })
            {
                Add("base-type", "the entity class must derive from DynamicEntity and nothing else", (SyntaxNode?)type.BaseList ?? type);
            }

            CheckAttributes(type.AttributeLists, ClassAttributes, "class");
            foreach (var member in type.Members)
            {
                CheckMember(member);
            }
        }

        private void CheckMember(MemberDeclarationSyntax member)
        {
            switch (member)
            {
                case PropertyDeclarationSyntax property:
                    CheckProperty(property);
                    break;
                case ConstructorDeclarationSyntax constructor when constructor.Modifiers.Any(SyntaxKind.StaticKeyword):
                    Add("static-constructor", "static constructors are not allowed", member);
                    break;
                case ConstructorDeclarationSyntax:
                    Add("constructor", "constructors are not allowed", member);
                    break;
                case DestructorDeclarationSyntax:
                    Add("finalizer", "finalizers are not allowed", member);
                    break;
                case MethodDeclarationSyntax:
                    Add("method", "methods are not allowed: an entity is plain data", member);
                    break;
                case OperatorDeclarationSyntax or ConversionOperatorDeclarationSyntax:
                    Add("operator", "operators are not allowed", member);
                    break;
                case FieldDeclarationSyntax:
                    Add("field", "fields are not allowed; declare auto-properties", member);
                    break;
                case EventDeclarationSyntax or EventFieldDeclarationSyntax:
                    Add("event", "events are not allowed", member);
                    break;
                case IndexerDeclarationSyntax:
                    Add("indexer", "indexers are not allowed", member);
                    break;
                case BaseTypeDeclarationSyntax or DelegateDeclarationSyntax:
                    Add("nested-type", "nested types are not allowed", member);
                    break;
                default:
                    Add("member", $"a {member.Kind()} is not allowed in an entity", member);
                    break;
            }
        }

        private void CheckProperty(PropertyDeclarationSyntax property)
        {
            if (!property.Modifiers.Any(SyntaxKind.PublicKeyword))
            {
                Add("property-modifier", $"the property {property.Identifier.ValueText} must be public", property);
            }

            foreach (var modifier in property.Modifiers.Where(m => !m.IsKind(SyntaxKind.PublicKeyword)))
            {
                var rule = modifier.Kind() switch
                {
                    SyntaxKind.StaticKeyword => "static-member",
                    SyntaxKind.ExternKeyword => "extern",
                    SyntaxKind.UnsafeKeyword => "unsafe",
                    _ => "property-modifier",
                };
                Add(rule, $"the modifier '{modifier.ValueText}' is not allowed on a property (use [Required] instead of 'required')", modifier.GetLocation());
            }

            if (property.ExplicitInterfaceSpecifier is not null)
            {
                Add("property-modifier", "explicit interface implementations are not allowed", property);
            }

            CheckPropertyType(property.Type);
            if (property.ExpressionBody is not null)
            {
                Add("accessor-body", $"the property {property.Identifier.ValueText} has a body; only {{ get; set; }} auto-properties are allowed", property.ExpressionBody);
            }

            if (property.AccessorList is not { Accessors: [var get, var set] }
                || !get.IsKind(SyntaxKind.GetAccessorDeclaration)
                || !set.IsKind(SyntaxKind.SetAccessorDeclaration))
            {
                Add("accessor-body", $"the property {property.Identifier.ValueText} must be exactly {{ get; set; }}", (SyntaxNode?)property.AccessorList ?? property);
            }
            else
            {
                foreach (var accessor in property.AccessorList.Accessors)
                {
                    if (accessor.Body is not null || accessor.ExpressionBody is not null)
                    {
                        Add("accessor-body", $"the accessor of {property.Identifier.ValueText} has a body; only {{ get; set; }} auto-properties are allowed", accessor);
                    }

                    if (accessor.Modifiers.Count > 0 || accessor.AttributeLists.Count > 0)
                    {
                        Add("accessor-body", $"the accessors of {property.Identifier.ValueText} may carry no modifiers or attributes", accessor);
                    }
                }
            }

            if (property.Initializer is { Value: var value }
                && value is not PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.SuppressNullableWarningExpression, Operand: LiteralExpressionSyntax { RawKind: (int)SyntaxKind.NullLiteralExpression } })
            {
                Add("property-initializer", $"the property {property.Identifier.ValueText} has an initializer; only '= null!' is allowed, declare a default with [Default(\"json\")]", property.Initializer);
            }

            CheckAttributes(property.AttributeLists, PropertyAttributes, "property");
        }

        private void CheckPropertyType(TypeSyntax type)
        {
            var inner = type is NullableTypeSyntax nullable ? nullable.ElementType : type;
            var allowed = inner switch
            {
                PredefinedTypeSyntax predefined => PredefinedTypes.Contains(predefined.Keyword.Kind()),
                IdentifierNameSyntax identifier => PropertyTypeNames.Contains(identifier.Identifier.ValueText),
                _ => false,
            };
            if (!allowed)
            {
                var rule = inner is PointerTypeSyntax or FunctionPointerTypeSyntax ? "unsafe" : "property-type";
                Add(rule, $"the property type '{Clip(type.ToString())}' is not allowed (string, int, long, decimal, bool, DateTime, DateOnly, Guid, optionally nullable)", type);
            }
        }

        private void CheckAttributes(SyntaxList<AttributeListSyntax> lists, HashSet<string> allowed, string where)
        {
            foreach (var list in lists)
            {
                if (list.Target is not null)
                {
                    Add("attribute-target", $"attribute targets such as '{list.Target.Identifier.ValueText}:' are not allowed", list);
                }

                foreach (var attribute in list.Attributes)
                {
                    var name = AttributeName(attribute);
                    if (!allowed.Contains(name))
                    {
                        Add("attribute", $"the attribute '{Clip(attribute.Name.ToString())}' is not allowed on a {where} (allowed: {string.Join(", ", allowed)})", attribute);
                        continue;
                    }

                    CheckAttributeArguments(attribute, name);
                }
            }
        }

        private void CheckAttributeArguments(AttributeSyntax attribute, string name)
        {
            var arguments = attribute.ArgumentList?.Arguments ?? default;
            var expected = name is "MaxLength" or "Default" or "References" or "Table" ? 1 : 0;
            if (arguments.Count != expected)
            {
                Add("attribute-argument", $"[{name}] takes {expected} argument(s)", attribute);
                return;
            }

            foreach (var argument in arguments)
            {
                var ok = argument.NameEquals is null && argument.NameColon is null && (name switch
                {
                    "MaxLength" => argument.Expression.IsKind(SyntaxKind.NumericLiteralExpression),
                    "Default" or "Table" => argument.Expression.IsKind(SyntaxKind.StringLiteralExpression),
                    "References" => argument.Expression.IsKind(SyntaxKind.StringLiteralExpression)
                        || argument.Expression is TypeOfExpressionSyntax { Type: IdentifierNameSyntax },
                    _ => false,
                });
                if (!ok)
                {
                    Add("attribute-argument", $"the argument of [{name}] must be a plain literal{(name == "References" ? " or typeof(Entity)" : "")}, not '{Clip(argument.ToString())}'", argument);
                }
            }
        }

        private void Add(string rule, string message, SyntaxNode node) => findings.Add(new SafetyFinding(rule, SafetyFinding.Error, message, Line(node)));

        private void Add(string rule, string message, Location location) => findings.Add(new SafetyFinding(rule, SafetyFinding.Error, message, Line(location)));

        private static string Clip(string text) => text.Length > 60 ? text[..60] + "…" : text;
    }
}
