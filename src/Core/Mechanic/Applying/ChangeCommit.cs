namespace Monolith.Mechanic;

/// <summary>The git commit message of an applied change: a subject, the quoted instruction, the steps, and the trailers.</summary>
public static class ChangeCommit
{
    private const int MaxSubject = 72;

    public static string Message(SchemaProposal proposal, SchemaDraft draft)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        ArgumentNullException.ThrowIfNull(draft);
        var what = string.Join("; ", draft.Steps.Select(s => s.Description));
        var subject = $"Mechanic: {draft.EntityName} ({draft.Table}): {what}";
        if (subject.Length > MaxSubject)
        {
            subject = subject[..(MaxSubject - 3)] + "...";
        }

        // The instruction is quoted (every line indented), so no line of it can pass for a trailer or a heading of ours.
        var instruction = string.Join("\n", proposal.Instruction.ReplaceLineEndings("\n").Split('\n')
            .Select(line => "    " + new string([.. line.Select(c => char.IsControl(c) ? ' ' : c)]).TrimEnd()));
        return $"""
            {subject}

            Instruction:
            {instruction}

            Steps:
            {string.Join("\n", draft.Steps.Select(s => "- " + s.Description))}
            """;
    }

    /// <summary>The commit's trailer block (git-trailer style, the message's last paragraph); values are one line each.</summary>
    public static IReadOnlyList<(string Token, string Value)> Trailers(SchemaProposal proposal)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        return
        [
            ("Change", proposal.Id.ToString()),
            ("Requested-by", proposal.Actor),
            ("Proposed-by", MechanicCaller.Read(proposal.ProposedBy)?.ToString() ?? "unknown"),
            ("Approved-by", MechanicCaller.Read(proposal.ReviewedBy)?.ToString() ?? "unknown"),
        ];
    }
}
