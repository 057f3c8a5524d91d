using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis.CSharp;
using Monolith.Schema;
using Npgsql;

namespace Monolith.Mechanic;

/// <summary>
/// Drafts a schema change: checks the request (structured entity or C# source) against the whitelist and the shape rules,
/// writes the canonical entity class, compiles the whole schema into a collectible context, diffs the EF models, checks
/// the operations against the safety rules and the live database, and lints the SQL with squawk.
/// </summary>
public sealed class SchemaAuthor(NpgsqlDataSource dataSource, SchemaCompiler compiler, SquawkLinter squawk, TimeProvider time, DraftGate gate) : ISchemaAuthor
{
    public const string SchemaFolder = "src/Dynamic/Schema";
    public const string MigrationsFolder = "src/Dynamic/Migrations";
    public const string SnapshotFile = MigrationsFolder + "/model-snapshot.json";

    /// <exception cref="DraftsBusyException">Every draft slot is taken.</exception>
    public async Task<SchemaDraft> DraftAsync(ChangeRequest request, AppliedSchema applied, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(applied);
        var timestamp = time.GetUtcNow().UtcDateTime;
        using var slot = gate.Enter(cancellationToken);
        try
        {
            return await DraftWithinAsync(request, applied, timestamp, slot);
        }
        catch (OperationCanceledException) when (slot.TimedOut)
        {
            return Rejected(null, timestamp, [new SafetyFinding(
                "draft-time-limit", SafetyFinding.Error, $"the draft was not finished within {gate.Limits.Timeout.TotalSeconds:0} s; simplify the request")]);
        }
    }

    private async Task<SchemaDraft> DraftWithinAsync(ChangeRequest request, AppliedSchema applied, DateTime timestamp, DraftGate.Slot slot)
    {
        var cancellationToken = slot.Token;
        var findings = new List<SafetyFinding>();
        var previous = DynamicModelSnapshot.Read(applied.Snapshot);
        using var read = await slot.RunAsync(token => ReadAndCompile(request, applied, previous, findings, token));
        var compiled = read.Compiled;
        var requested = read.Requested;
        if (requested is null || compiled is null || read.Compilation is null)
        {
            return Rejected(requested ?? NamedOnly(request), timestamp, findings);
        }

        var source = read.Source;
        var entities = read.Entities;
        var facts = await LiveSchemaFacts.ReadAsync(dataSource, cancellationToken);
        MigrationPlan plan;
        try
        {
            plan = MigrationPlanner.Plan(previous, entities, compiled, facts);
        }
        catch (Exception exception) when (exception is InvalidOperationException or KeyNotFoundException)
        {
            // Only reachable through applied files that disagree with each other (for example a reference to an entity
            // whose file is gone); the request itself has passed every shape rule by now.
            findings.Add(new SafetyFinding("model-error", SafetyFinding.Error, $"EF could not build the schema's model: {exception.Message}"));
            return Rejected(requested, timestamp, findings);
        }

        findings.AddRange(plan.Findings);
        if (plan.Findings.Count == 0 && plan.Steps.Count == 0)
        {
            findings.Add(new SafetyFinding("no-change", SafetyFinding.Error, $"the request describes {requested.Name} exactly as it is applied; there is nothing to migrate"));
        }

        var migrationId = MigrationId(timestamp, requested, previous, entities);
        var sql = plan.Steps.Count == 0 ? "" : Script(migrationId, plan.Steps);
        if (sql.Length > 0)
        {
            findings.AddRange(await squawk.LintAsync(sql, cancellationToken));
        }

        var table = entities.First(e => e.Name == requested.Name).Table;
        var snapshot = DynamicModelSnapshot.Write(entities);
        var path = $"{SchemaFolder}/{requested.Name}.cs";
        return new SchemaDraft(
            requested.Name,
            table,
            [
                new DraftFile(path, source),
                new DraftFile($"{MigrationsFolder}/{migrationId}.sql", sql),
                new DraftFile(SnapshotFile, snapshot),
            ],
            UnifiedDiff.Create(path, applied.EntitySources.GetValueOrDefault(requested.Name), source),
            migrationId,
            plan.Steps,
            sql,
            snapshot,
            entities,
            findings);
    }

    /// <summary>The CPU-bound half of a draft (parsing, the whitelist, compiling), run on the gate's thread.</summary>
    private ReadResult ReadAndCompile(ChangeRequest request, AppliedSchema applied, IReadOnlyList<EntityShape> previous, List<SafetyFinding> findings, CancellationToken cancellationToken)
    {
        var requested = ReadRequest(request, applied, previous, findings, cancellationToken);
        if (requested is null || Fail(findings, EntityShapeRules.Check(requested, previous)))
        {
            return new ReadResult(requested, "", null, null, []);
        }

        var source = EntitySourceWriter.Write(requested);
        var files = CheckAppliedSources(applied, requested.Name, findings, cancellationToken);
        if (files is null)
        {
            return new ReadResult(requested, source, null, null, []);
        }

        files[requested.Name] = source;
        var compiled = compiler.Compile(files, findings, out var compilation, cancellationToken);
        if (compiled is null)
        {
            return new ReadResult(requested, source, null, null, []);
        }

        var entities = EntitySymbolReader.Entities(compilation)
            .Select(t => EntitySymbolReader.Read(t, previous.FirstOrDefault(p => p.Name == t.Name)?.Table, findings))
            .ToList();
        return new ReadResult(requested, source, compiled, compilation, entities);
    }

    /// <summary>The reviewable SQL: every transactional step wrapped in BEGIN/COMMIT, so psql can replay the file as it stands.</summary>
    public static string Script(string migrationId, IReadOnlyList<MigrationStep> steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        var script = new StringBuilder();
        script.Append(CultureInfo.InvariantCulture, $"-- Dynamic migration {migrationId}, written by the Mechanic. {steps.Count} step(s), in order.\n");
        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            script.Append(CultureInfo.InvariantCulture, $"\n-- Step {i + 1}: {step.Description}{(step.InTransaction ? "" : " (outside a transaction)")}\n");
            script.Append(step.InTransaction ? $"BEGIN;\n{step.Sql}\nCOMMIT;\n" : $"{step.Sql}\n");
        }

        return script.ToString();
    }

    private static EntityShape? ReadRequest(
        ChangeRequest request, AppliedSchema applied, IReadOnlyList<EntityShape> previous, List<SafetyFinding> findings, CancellationToken cancellationToken)
    {
        switch (request)
        {
            case { Entity: not null, Source: not null }:
                findings.Add(new SafetyFinding("request-format", SafetyFinding.Error, "a change request carries either entity or source, not both"));
                return null;
            case { Entity: { } entity }:
                return EntityRequestReader.Read(entity, previous, findings);
            case { Source: { } source }:
                var declaration = EntitySyntaxRules.Check(source, expectedName: null, findings, out var tree, cancellationToken);
                if (declaration is null || tree is null)
                {
                    return null;
                }

                var symbol = EntitySemanticRules.Check(tree, previous.Select(e => e.Name).Concat(applied.EntitySources.Keys), findings);
                if (symbol is null)
                {
                    return null;
                }

                var before = findings.Count;
                var shape = EntitySymbolReader.Read(symbol, previous.FirstOrDefault(e => e.Name == symbol.Name)?.Table, findings);
                return findings.Count == before ? shape : null;
            default:
                findings.Add(new SafetyFinding("request-format", SafetyFinding.Error, "a change request needs an entity or a source"));
                return null;
        }
    }

    /// <summary>The applied files compile with the new one; they were written by the Mechanic, but a hand edit must not slip through.</summary>
    private static Dictionary<string, string>? CheckAppliedSources(AppliedSchema applied, string requestedName, List<SafetyFinding> findings, CancellationToken cancellationToken)
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, source) in applied.EntitySources.Where(s => s.Key != requestedName))
        {
            var problems = new List<SafetyFinding>();
            if (EntitySyntaxRules.Check(source, name, problems, out _, cancellationToken) is null)
            {
                findings.AddRange(problems.Select(p => p with { Rule = "applied-source", Message = $"{SchemaFolder}/{name}.cs: {p.Rule}: {p.Message}" }));
                continue;
            }

            files[name] = source;
        }

        return findings.Count == 0 ? files : null;
    }

    private static string MigrationId(DateTime timestamp, EntityShape requested, IReadOnlyList<EntityShape> previous, IReadOnlyList<EntityShape> next)
    {
        var before = previous.FirstOrDefault(e => e.Name == requested.Name);
        var after = next.FirstOrDefault(e => e.Name == requested.Name) ?? requested;
        var added = after.Fields.Where(f => before?.Fields.All(p => p.Name != f.Name) == true).ToList();
        var slug = before switch
        {
            null => $"create_{after.Table}",
            _ when added.Count == 1 => $"add_{after.Table}_{added[0].Column}",
            _ when added.Count > 1 => $"add_{after.Table}_fields",
            _ when !before.Retired && after.Retired => $"retire_{after.Table}",
            _ => $"alter_{after.Table}",
        };
        return $"{timestamp.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}_{(slug.Length > 80 ? slug[..80] : slug)}";
    }

    /// <summary>
    /// For a source the rules refused before reading its shape: the name after its first <c>class</c>, so a rejected
    /// source proposal is listed under the entity it was meant to be. A linear regex, not Roslyn: such a source may be
    /// one the rules refused because parsing it is unsafe (deep nesting).
    /// </summary>
    private static EntityShape? NamedOnly(ChangeRequest request) =>
        request.Source is { } source && Regex.Match(source, @"\bclass\s+([A-Za-z_][A-Za-z0-9_]*)", RegexOptions.NonBacktracking | RegexOptions.CultureInvariant) is { Success: true } match
            ? new EntityShape(match.Groups[1].Value, "", [])
            : null;

    /// <summary>A draft with nothing to apply; a name is only kept when it is one the proposal's columns can hold.</summary>
    private static SchemaDraft Rejected(EntityShape? requested, DateTime timestamp, List<SafetyFinding> findings)
    {
        var name = requested is not null && SchemaNames.IsEntityOrFieldName(requested.Name) && !SchemaNames.IsTooLong(requested.Name) ? requested.Name : "";
        var table = requested is not null && SchemaNames.IsPlainIdentifier(requested.Table) && !SchemaNames.IsTooLong(requested.Table) ? requested.Table : "";
        var slug = table.Length > 0 ? $"change_{(table.Length > 80 ? table[..80] : table)}" : "change";
        return new SchemaDraft(name, table, [], "", $"{timestamp.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}_{slug}", [], "", null, [], findings);
    }

    private sealed record ReadResult(EntityShape? Requested, string Source, CompiledSchema? Compiled, CSharpCompilation? Compilation, List<EntityShape> Entities)
        : IDisposable
    {
        public void Dispose() => Compiled?.Dispose();
    }

    private static bool Fail(List<SafetyFinding> findings, IReadOnlyList<SafetyFinding> more)
    {
        findings.AddRange(more);
        return findings.Any(f => f.Severity == SafetyFinding.Error);
    }
}
