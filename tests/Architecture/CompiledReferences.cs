using System.Reflection;
using System.Reflection.Emit;

namespace Monolith.Tests.Architecture;

/// <summary>
/// What compiled code refers to, read from metadata and from method bodies' IL: signatures, base types, interfaces,
/// attributes, locals, and every type, field, method and string an instruction names (so generic arguments such as
/// <c>GetRequiredService&lt;T&gt;</c>, <c>typeof</c> and namespace-relative names all count).
/// </summary>
internal static class CompiledReferences
{
    private const BindingFlags Members = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    /// <summary>
    /// Every type the declaration and code of <paramref name="type"/> and its nested types (lambdas' closures, async state
    /// machines) refer to, generic arguments and element types unwrapped.
    /// </summary>
    public static IEnumerable<Type> TypesUsedBy(Type type) =>
        type.GetNestedTypes(Members).SelectMany(TypesUsedBy).Concat(OwnTypesUsedBy(type))
            .Where(t => t is not null).SelectMany(Unwrap).Where(t => !t.IsGenericParameter).Distinct();

    /// <summary>Every string literal (ldstr) and constant field value in <paramref name="type"/> and its nested types.</summary>
    public static IEnumerable<string> StringsIn(Type type) =>
        type.GetNestedTypes(Members).SelectMany(StringsIn).Concat(OwnStringsIn(type));

    private static List<Type> OwnTypesUsedBy(Type type)
    {
        var found = new List<Type>();
        if (type.BaseType is not null)
        {
            found.Add(type.BaseType);
        }

        found.AddRange(type.GetInterfaces());
        found.AddRange(AttributeTypes(type.GetCustomAttributesData()));
        foreach (var field in type.GetFields(Members))
        {
            found.Add(field.FieldType);
            found.AddRange(AttributeTypes(field.GetCustomAttributesData()));
        }

        foreach (var property in type.GetProperties(Members))
        {
            found.Add(property.PropertyType);
            found.AddRange(AttributeTypes(property.GetCustomAttributesData()));
        }

        foreach (var method in MethodsOf(type))
        {
            found.AddRange(AttributeTypes(method.GetCustomAttributesData()));
            foreach (var parameter in method.GetParameters())
            {
                found.Add(parameter.ParameterType);
                found.AddRange(AttributeTypes(parameter.GetCustomAttributesData()));
            }

            if (method is MethodInfo info)
            {
                found.Add(info.ReturnType);
            }

            var body = method.GetMethodBody();
            if (body is null)
            {
                continue;
            }

            found.AddRange(body.LocalVariables.Select(v => v.LocalType));
            foreach (var operand in Operands(method, body))
            {
                switch (operand)
                {
                    case Type used:
                        found.Add(used);
                        break;
                    case FieldInfo field:
                        found.Add(field.DeclaringType!);
                        found.Add(field.FieldType);
                        break;
                    case MethodBase called:
                        found.Add(called.DeclaringType!);
                        if (called is MethodInfo calledInfo)
                        {
                            found.Add(calledInfo.ReturnType);
                            if (calledInfo.IsGenericMethod)
                            {
                                found.AddRange(calledInfo.GetGenericArguments());
                            }
                        }

                        found.AddRange(called.GetParameters().Select(p => p.ParameterType));
                        break;
                }
            }
        }

        return found;
    }

    private static IEnumerable<string> OwnStringsIn(Type type)
    {
        foreach (var field in type.GetFields(Members).Where(f => f.IsLiteral && f.FieldType == typeof(string)))
        {
            if (field.GetRawConstantValue() is string constant)
            {
                yield return constant;
            }
        }

        foreach (var method in MethodsOf(type))
        {
            var body = method.GetMethodBody();
            if (body is null)
            {
                continue;
            }

            foreach (var operand in Operands(method, body))
            {
                if (operand is string text)
                {
                    yield return text;
                }
            }
        }
    }

    private static IEnumerable<MethodBase> MethodsOf(Type type) =>
        type.GetMethods(Members).Cast<MethodBase>().Concat(type.GetConstructors(Members));

    private static IEnumerable<Type> AttributeTypes(IEnumerable<CustomAttributeData> attributes) =>
        attributes.SelectMany(a => a.ConstructorArguments.Concat(a.NamedArguments.Select(n => n.TypedValue))
            .Select(v => v.Value as Type)
            .Append(a.AttributeType))
            .OfType<Type>();

    /// <summary>The resolved operand of every instruction that names metadata: types, fields, methods and strings.</summary>
    private static List<object> Operands(MethodBase method, MethodBody body)
    {
        var il = body.GetILAsByteArray() ?? [];
        var module = method.Module;
        var typeArguments = method.DeclaringType is { IsGenericType: true } declaring ? declaring.GetGenericArguments() : null;
        var methodArguments = method is MethodInfo { IsGenericMethod: true } ? method.GetGenericArguments() : null;
        var operands = new List<object>();
        var position = 0;
        while (position < il.Length)
        {
            short value = il[position++];
            if (value == 0xFE)
            {
                value = unchecked((short)(0xFE00 | il[position++]));
            }

            var opCode = OpCodesByValue[value];
            switch (opCode.OperandType)
            {
                case OperandType.InlineNone:
                    break;
                case OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar:
                    position += 1;
                    break;
                case OperandType.InlineVar:
                    position += 2;
                    break;
                case OperandType.InlineI8 or OperandType.InlineR:
                    position += 8;
                    break;
                case OperandType.InlineSwitch:
                    position += 4 + (4 * BitConverter.ToInt32(il, position));
                    break;
                case OperandType.InlineString:
                    operands.Add(module.ResolveString(BitConverter.ToInt32(il, position)));
                    position += 4;
                    break;
                case OperandType.InlineType or OperandType.InlineTok or OperandType.InlineField or OperandType.InlineMethod:
                    operands.Add(module.ResolveMember(BitConverter.ToInt32(il, position), typeArguments, methodArguments)!);
                    position += 4;
                    break;
                default:
                    // InlineBrTarget, InlineI, InlineSig, ShortInlineR: four bytes that name no type.
                    position += 4;
                    break;
            }
        }

        return operands;
    }

    private static IEnumerable<Type> Unwrap(Type type)
    {
        yield return type;
        if (type.HasElementType)
        {
            foreach (var inner in Unwrap(type.GetElementType()!))
            {
                yield return inner;
            }
        }

        if (type.IsGenericType && !type.IsGenericTypeDefinition)
        {
            foreach (var inner in type.GetGenericArguments().SelectMany(Unwrap))
            {
                yield return inner;
            }
        }
    }
}
