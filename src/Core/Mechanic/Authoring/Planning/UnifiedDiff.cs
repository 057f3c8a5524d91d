using System.Globalization;
using System.Text;

namespace Monolith.Mechanic;

/// <summary>A line-based unified diff (three lines of context) for reviewers of an entity file.</summary>
public static class UnifiedDiff
{
    private const int Context = 3;

    /// <summary>The diff of <paramref name="before"/> (null: a new file) to <paramref name="after"/>; "" when equal.</summary>
    public static string Create(string path, string? before, string after)
    {
        ArgumentNullException.ThrowIfNull(after);
        if (before == after)
        {
            return "";
        }

        var old = Lines(before);
        var now = Lines(after);
        var edits = Edits(old, now);
        var output = new StringBuilder();
        output.Append(CultureInfo.InvariantCulture, $"--- {(before is null ? "/dev/null" : "a/" + path)}\n+++ b/{path}\n");
        var changes = Enumerable.Range(0, edits.Count).Where(i => edits[i].Kind != ' ').ToList();
        var first = 0;
        for (var c = 1; c <= changes.Count; c++)
        {
            if (c < changes.Count && changes[c] - changes[c - 1] <= 2 * Context)
            {
                continue;
            }

            WriteHunk(output, edits, Math.Max(0, changes[first] - Context), Math.Min(edits.Count, changes[c - 1] + Context + 1));
            first = c;
        }

        return output.ToString();
    }

    private static void WriteHunk(StringBuilder output, List<(char Kind, string Line)> edits, int start, int end)
    {
        var hunk = edits.GetRange(start, end - start);
        var oldStart = edits.Take(start).Count(e => e.Kind != '+') + 1;
        var newStart = edits.Take(start).Count(e => e.Kind != '-') + 1;
        var oldCount = hunk.Count(e => e.Kind != '+');
        var newCount = hunk.Count(e => e.Kind != '-');
        output.Append(CultureInfo.InvariantCulture, $"@@ -{(oldCount == 0 ? oldStart - 1 : oldStart)},{oldCount} +{(newCount == 0 ? newStart - 1 : newStart)},{newCount} @@\n");
        foreach (var edit in hunk)
        {
            output.Append(edit.Kind).Append(edit.Line).Append('\n');
        }
    }

    private static string[] Lines(string? text) =>
        string.IsNullOrEmpty(text) ? [] : text.TrimEnd('\n').Split('\n');

    private static List<(char Kind, string Line)> Edits(string[] old, string[] now)
    {
        // Longest common subsequence table; entity files are small (at most a few hundred lines).
        var lengths = new int[old.Length + 1, now.Length + 1];
        for (var a = old.Length - 1; a >= 0; a--)
        {
            for (var b = now.Length - 1; b >= 0; b--)
            {
                lengths[a, b] = old[a] == now[b] ? lengths[a + 1, b + 1] + 1 : Math.Max(lengths[a + 1, b], lengths[a, b + 1]);
            }
        }

        var edits = new List<(char, string)>();
        int x = 0, y = 0;
        while (x < old.Length || y < now.Length)
        {
            if (x < old.Length && y < now.Length && old[x] == now[y])
            {
                edits.Add((' ', old[x++]));
                y++;
            }
            else if (x < old.Length && (y == now.Length || lengths[x + 1, y] >= lengths[x, y + 1]))
            {
                // On a tie the removed line comes first, so a changed line reads "-old" then "+new", as git shows it.
                edits.Add(('-', old[x++]));
            }
            else
            {
                edits.Add(('+', now[y++]));
            }
        }

        return edits;
    }
}
