using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Monolith.Audit;

namespace Monolith.Tests.Architecture;

public sealed class ModulesUseOnlyTheirOwnDbContext
{
    private const BindingFlags Members = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    [Fact]
    public void NoTypeOfOneModuleTouchesAnotherModulesDbContext()
    {
        var core = typeof(AuditLog).Assembly;
        var violations = new List<string>();
        foreach (var type in core.GetTypes())
        {
            var module = ModuleOf(type);
            if (module is null)
            {
                continue;
            }

            foreach (var used in UsedTypes(type).Where(t => t.IsSubclassOf(typeof(DbContext))))
            {
                var owner = ModuleOf(used);
                if (owner is not null && owner != module)
                {
                    violations.Add($"{type.FullName} ({module}) uses {used.Name} ({owner})");
                }
            }
        }

        Assert.Empty(violations);
    }

    [Fact]
    public void EveryModuleDbContextLivesInItsModuleFolder()
    {
        // Module contexts are the ones named *DbContext; the Mechanic's DynamicSchemaContext models the dynamic entities, not a module's tables.
        var contexts = typeof(AuditLog).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(DbContext)) && !t.IsAbstract && t.Name.EndsWith("DbContext", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(contexts);
        Assert.All(contexts, c => Assert.Equal(ModuleOf(c) + "DbContext", c.Name));
    }

    private static string? ModuleOf(Type type)
    {
        var parts = (type.Namespace ?? string.Empty).Split('.');
        return parts.Length >= 2 && parts[0] == "Monolith" ? parts[1] : null;
    }

    internal static IEnumerable<Type> UsedTypes(Type type)
    {
        var types = new List<Type>();
        types.AddRange(type.GetFields(Members).Select(f => f.FieldType));
        types.AddRange(type.GetProperties(Members).Select(p => p.PropertyType));
        foreach (var method in type.GetMethods(Members).Cast<MethodBase>().Concat(type.GetConstructors(Members)))
        {
            types.AddRange(method.GetParameters().Select(p => p.ParameterType));
            if (method is MethodInfo info)
            {
                types.Add(info.ReturnType);
            }

            var body = method.GetMethodBody();
            if (body is not null)
            {
                types.AddRange(body.LocalVariables.Select(v => v.LocalType));
            }
        }

        return types.SelectMany(Unwrap);
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

        if (type.IsGenericType)
        {
            foreach (var inner in type.GetGenericArguments().SelectMany(Unwrap))
            {
                yield return inner;
            }
        }
    }
}
