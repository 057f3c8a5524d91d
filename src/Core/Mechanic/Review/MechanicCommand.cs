using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Monolith.Http;
using Monolith.Operations;

namespace Monolith.Mechanic;

/// <summary>tools/monolith mechanic propose|list|show|approve|reject: the review API without HTTP.</summary>
public sealed class MechanicCommand : IOperatorCommand
{
    public string Name => "mechanic";

    public string Summary => "propose, list, show, approve or reject schema changes";

    public string Help => """
        usage: tools/monolith mechanic <action> [options]

          propose <file.json>          draft a change request (JSON, see docs/mechanic.md) and store the proposal;
                                       prints its id and status (rejected proposals list their findings)
          list [--status s] [--limit n]  proposals newest first; s is rejected, pending_review, approved, applied or failed
          show <id>                    the proposal: status, entity diff, SQL, findings, dry run, backup, git commit, audit id
          approve <id>                 back up the database, apply the migration, commit its files, write the audit row
          reject <id> --reason text    reject a pending proposal and remove its files from the working tree

        Exit codes: 0 done (reject included), 1 a proposed or approved change was rejected or failed, 64 wrong usage, 65 not found or not allowed now.
        """;

    public async Task<int> RunAsync(IServiceProvider services, OperatorArguments arguments, TextWriter output, CancellationToken cancellationToken)
    {
        var action = arguments.Require(0, "action (propose, list, show, approve or reject)");
        await using var scope = services.CreateAsyncScope();
        var pipeline = scope.ServiceProvider.GetRequiredService<MechanicPipeline>();
        try
        {
            switch (action)
            {
                case "propose":
                    arguments.AllowOnly();
                    return await ProposeAsync(scope.ServiceProvider, pipeline, arguments.Require(1, "the change request file"), output, cancellationToken);
                case "list":
                    arguments.AllowOnly("status", "limit");
                    return await ListAsync(scope.ServiceProvider.GetRequiredService<MechanicDbContext>(), arguments, output, cancellationToken);
                case "show":
                    arguments.AllowOnly();
                    await WriteAsync(output, await pipeline.LoadAsync(Id(arguments), cancellationToken), detailed: true);
                    return 0;
                case "approve":
                    arguments.AllowOnly();
                    return await ReportAsync(output, await pipeline.ApproveAsync(Id(arguments), MechanicCaller.Operator, cancellationToken));
                case "reject":
                    arguments.AllowOnly("reason");
                    var reason = arguments.Option("reason");
                    if (string.IsNullOrWhiteSpace(reason))
                    {
                        throw new OperatorUsageException("reject needs --reason");
                    }

                    if (await new RejectRequestValidator().ValidateAsync(new RejectRequest(reason), cancellationToken) is { IsValid: false } invalid)
                    {
                        throw new OperatorUsageException(string.Join(" ", invalid.Errors.Select(e => e.ErrorMessage)));
                    }

                    // The operator asked for the rejection, so a proposal now rejected is success (exit 0), unlike a propose
                    // or approve that ends rejected.
                    await WriteAsync(output, await pipeline.RejectAsync(Id(arguments), reason, MechanicCaller.Operator, cancellationToken), detailed: false);
                    return 0;
                default:
                    throw new OperatorUsageException($"unknown action '{action}'");
            }
        }
        catch (Exception e) when (e is NotFoundException or ConflictException)
        {
            await output.WriteLineAsync($"mechanic {action}: {e.Message}");
            return 65;
        }
    }

    private static async Task<int> ProposeAsync(IServiceProvider services, MechanicPipeline pipeline, string file, TextWriter output, CancellationToken cancellationToken)
    {
        if (!File.Exists(file))
        {
            throw new OperatorUsageException($"no such file: {file}");
        }

        ChangeRequest? request;
        try
        {
            var options = new JsonSerializerOptions();
            HttpModule.Configure(options);
            request = JsonSerializer.Deserialize<ChangeRequest>(await File.ReadAllTextAsync(file, cancellationToken), options);
        }
        catch (JsonException e)
        {
            throw new OperatorUsageException($"{file} is not a valid change request: {e.Message}");
        }

        if (request is null)
        {
            throw new OperatorUsageException($"{file} holds null, not a change request");
        }

        var validation = await services.GetRequiredService<FluentValidation.IValidator<ChangeRequest>>().ValidateAsync(request, cancellationToken);
        if (!validation.IsValid)
        {
            throw new OperatorUsageException($"{file}: {string.Join(" ", validation.Errors.Select(e => e.ErrorMessage))}");
        }

        return await ReportAsync(output, await pipeline.ProposeAsync(request, MechanicCaller.Operator, cancellationToken));
    }

    private static async Task<int> ListAsync(MechanicDbContext db, OperatorArguments arguments, TextWriter output, CancellationToken cancellationToken)
    {
        var status = arguments.Option("status");
        if (status is not null && !ProposalStatus.All.Contains(status))
        {
            throw new OperatorUsageException($"--status must be one of {string.Join(", ", ProposalStatus.All)}");
        }

        var limit = arguments.Number("limit", PageCursor.DefaultLimit, 1, PageCursor.MaxLimit);
        var rows = db.Proposals.AsNoTracking();
        if (status is not null)
        {
            rows = rows.Where(p => p.Status == status);
        }

        var proposals = await rows.OrderByDescending(p => p.CreatedAt).Take(limit).ToListAsync(cancellationToken);
        foreach (var proposal in proposals)
        {
            await output.WriteLineAsync($"{proposal.Id}  {proposal.Status,-14} {proposal.CreatedAt:yyyy-MM-dd HH:mm}  {proposal.EntityName} ({proposal.TableName})  {Shorten(proposal.Instruction)}");
        }

        await output.WriteLineAsync($"{proposals.Count} change(s)");
        return 0;
    }

    private static async Task<int> ReportAsync(TextWriter output, SchemaProposal proposal)
    {
        await WriteAsync(output, proposal, detailed: false);
        return proposal.Status is ProposalStatus.Rejected or ProposalStatus.Failed ? 1 : 0;
    }

    private static async Task WriteAsync(TextWriter output, SchemaProposal proposal, bool detailed)
    {
        var view = SchemaProposalView.From(proposal);
        await output.WriteLineAsync($"change     {view.Id}");
        await output.WriteLineAsync($"status     {view.Status} (stage {view.Stage})");
        await output.WriteLineAsync($"entity     {view.EntityName} ({view.Table})");
        await output.WriteLineAsync($"migration  {view.Migration.Id}");
        foreach (var finding in view.Findings.EnumerateArray())
        {
            await output.WriteLineAsync($"finding    {finding.GetProperty("severity").GetString()} {finding.GetProperty("rule").GetString()}: {finding.GetProperty("message").GetString()}");
        }

        await output.WriteLineAsync($"dry run    {(view.DryRun.Ok switch { true => "ok", false => view.DryRun.Error, null => "not run" })}");
        await WriteIfAsync(output, "backup", view.BackupPath);
        await WriteIfAsync(output, "version", view.SchemaVersion?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await WriteIfAsync(output, "git commit", view.GitCommit);
        await WriteIfAsync(output, "audit id", view.AuditId?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await WriteIfAsync(output, "error", view.Error);
        await WriteIfAsync(output, "rejected", view.RejectReason);
        await WriteIfAsync(output, "proposed", $"{proposal.Actor} ({MechanicCaller.Read(proposal.ProposedBy)?.ToString() ?? "role not recorded"})");
        await WriteIfAsync(output, "reviewed", MechanicCaller.Read(proposal.ReviewedBy)?.ToString());
        if (detailed)
        {
            await output.WriteLineAsync($"\ninstruction:\n{view.Instruction}\n\nfiles:\n{string.Join('\n', view.Files.Select(f => "  " + f))}");
            await output.WriteLineAsync($"\nentity diff:\n{view.EntityDiff}\n\nSQL:\n{view.Migration.Sql}");
        }
    }

    private static async Task WriteIfAsync(TextWriter output, string label, string? value)
    {
        if (value is not null)
        {
            await output.WriteLineAsync($"{label,-10} {value}");
        }
    }

    private static Guid Id(OperatorArguments arguments)
    {
        var text = arguments.Require(1, "the change id");
        return Guid.TryParse(text, out var id) ? id : throw new OperatorUsageException($"'{text}' is not a change id");
    }

    private static string Shorten(string text)
    {
        var line = text.ReplaceLineEndings(" ");
        return line.Length <= 60 ? line : line[..57] + "...";
    }
}
