using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Monolith.Schema;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace Monolith.Mechanic;

/// <summary>Writes an entity shape as the canonical C# class file with Roslyn's syntax API: the only form ever written to src/Dynamic/Schema.</summary>
public static class EntitySourceWriter
{
    public const string Header = "// Written by the Mechanic from a reviewed change request. Edit through the Mechanic, not by hand.";

    public static string Write(EntityShape shape)
    {
        var attributes = new List<AttributeSyntax>();
        if (shape.Table != SchemaNames.Table(shape.Name))
        {
            attributes.Add(Attribute("Table", StringArgument(shape.Table)));
        }

        if (shape.Retired)
        {
            attributes.Add(Attribute("Retired"));
        }

        var declaration = ClassDeclaration(shape.Name)
            .AddModifiers(Token(SyntaxKind.PublicKeyword))
            .AddBaseListTypes(SimpleBaseType(IdentifierName("DynamicEntity")))
            .AddMembers([.. shape.Fields.Select(Property)]);
        if (attributes.Count > 0)
        {
            declaration = declaration.AddAttributeLists([.. attributes.Select(a => AttributeList(SingletonSeparatedList(a)))]);
        }

        var unit = CompilationUnit()
            .AddMembers(declaration.WithLeadingTrivia(Comment(Header), CarriageReturnLineFeed))
            .NormalizeWhitespace(eol: "\n");

        // NormalizeWhitespace writes "null !"; the canonical form is "null!".
        unit = unit.ReplaceNodes(
            unit.DescendantNodes().OfType<PostfixUnaryExpressionSyntax>(),
            (_, node) => node.WithOperand(node.Operand.WithoutTrailingTrivia()).WithOperatorToken(node.OperatorToken.WithoutTrivia()));
        return unit.ToFullString() + "\n";
    }

    private static PropertyDeclarationSyntax Property(EntityField field)
    {
        var attributes = new List<AttributeSyntax>();
        if (field.Type == FieldType.String)
        {
            attributes.Add(Attribute("MaxLength", AttributeArgument(LiteralExpression(SyntaxKind.NumericLiteralExpression, Literal(field.MaxLength ?? 0)))));
        }

        if (field.Type == FieldType.Json)
        {
            attributes.Add(Attribute("Json"));
        }

        var isText = field.Type is FieldType.String or FieldType.Text or FieldType.Json;
        if (field.Required && isText)
        {
            attributes.Add(Attribute("Required"));
        }

        if (field.Default is { } json)
        {
            attributes.Add(Attribute("Default", StringArgument(json)));
        }

        if (field.References is { } target)
        {
            attributes.Add(Attribute("References", AttributeArgument(TypeOfExpression(IdentifierName(target)))));
        }

        if (field.Searchable)
        {
            attributes.Add(Attribute("Searchable"));
        }

        if (field.Deprecated)
        {
            attributes.Add(Attribute("Deprecated"));
        }

        var property = PropertyDeclaration(FieldTypeSyntax(field), field.Name)
            .AddModifiers(Token(SyntaxKind.PublicKeyword))
            .AddAccessorListAccessors(
                AccessorDeclaration(SyntaxKind.GetAccessorDeclaration).WithSemicolonToken(Token(SyntaxKind.SemicolonToken)),
                AccessorDeclaration(SyntaxKind.SetAccessorDeclaration).WithSemicolonToken(Token(SyntaxKind.SemicolonToken)));
        if (field.Required && isText)
        {
            property = property
                .WithInitializer(EqualsValueClause(PostfixUnaryExpression(SyntaxKind.SuppressNullableWarningExpression, LiteralExpression(SyntaxKind.NullLiteralExpression))))
                .WithSemicolonToken(Token(SyntaxKind.SemicolonToken));
        }

        return attributes.Count == 0
            ? property
            : property.AddAttributeLists(AttributeList(SeparatedList(attributes)));
    }

    private static TypeSyntax FieldTypeSyntax(EntityField field)
    {
        TypeSyntax type = field.Type switch
        {
            FieldType.String or FieldType.Text or FieldType.Json => PredefinedType(Token(SyntaxKind.StringKeyword)),
            FieldType.Int => PredefinedType(Token(SyntaxKind.IntKeyword)),
            FieldType.BigInt => PredefinedType(Token(SyntaxKind.LongKeyword)),
            FieldType.Decimal => PredefinedType(Token(SyntaxKind.DecimalKeyword)),
            FieldType.Bool => PredefinedType(Token(SyntaxKind.BoolKeyword)),
            FieldType.DateTime => IdentifierName("DateTime"),
            FieldType.Date => IdentifierName("DateOnly"),
            FieldType.Uuid => IdentifierName("Guid"),
            _ => throw new ArgumentOutOfRangeException(nameof(field), field.Type, "unknown field type"),
        };
        return field.Required ? type : NullableType(type);
    }

    private static AttributeArgumentSyntax StringArgument(string value) =>
        AttributeArgument(LiteralExpression(SyntaxKind.StringLiteralExpression, Literal(value)));

    private static AttributeSyntax Attribute(string name, params AttributeArgumentSyntax[] arguments) =>
        arguments.Length == 0
            ? SyntaxFactory.Attribute(IdentifierName(name))
            : SyntaxFactory.Attribute(IdentifierName(name), AttributeArgumentList(SeparatedList(arguments)));
}
