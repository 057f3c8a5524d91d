using System.Globalization;
using System.Text;

namespace Monolith.Agents;

/// <summary>
/// The built-in agent that needs no model: it keeps what the user writes and answers the commands
/// /start, /help, /find, /history, /stats and /forget. With a model configured it still answers the commands.
/// </summary>
public sealed class MemoryAgent(ConversationMemory memory)
{
    public const string HelpText = """
        I remember what you write here, so you can find it again.
        /find <words> – search what you wrote
        /history – the last messages of this chat
        /stats – how much I keep for you
        /forget <number> – forget one of your messages (the #number /find and /history show)
        /docs – the files you sent me (send a PDF, DOCX, Markdown or text file to add one)
        /forgetdoc <number> – forget one of those files
        /help – this text
        """;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>True when the text is a command this agent answers (a leading /word, possibly /word@botname).</summary>
    public static bool IsCommand(string text) => Command(text).Name is "start" or "help" or "find" or "history" or "stats" or "forget";

    public async Task<AgentReply> RunAsync(TurnScope scope, string text, CancellationToken cancellationToken)
    {
        var (name, argument) = Command(text);
        var reply = name switch
        {
            "start" => "Hello! " + HelpText,
            "help" => HelpText,
            "find" => await FindAsync(scope, argument, cancellationToken),
            "history" => await HistoryAsync(scope, cancellationToken),
            "stats" => await StatsAsync(scope, cancellationToken),
            "forget" => await ForgetAsync(scope, argument, cancellationToken),
            _ => "Noted. Send /find <words> to look it up later.",
        };
        return new AgentReply(reply, []);
    }

    private async Task<string> FindAsync(TurnScope scope, string query, CancellationToken cancellationToken)
    {
        if (query.Length == 0)
        {
            return "Send /find followed by the words to look for, for example: /find passport";
        }

        var hits = await memory.SearchAsync(scope.UserId, scope.ChatId, query, 10, scope.UserMessageId, cancellationToken);
        if (hits.Count == 0)
        {
            return $"Nothing found for “{query}”.";
        }

        var answer = new StringBuilder($"Found {hits.Count}:");
        foreach (var hit in hits)
        {
            answer.Append(Invariant, $"\n#{hit.Sequence} ({hit.CreatedAt:yyyy-MM-dd HH:mm}) {hit.Content}");
        }

        return answer.ToString();
    }

    private async Task<string> HistoryAsync(TurnScope scope, CancellationToken cancellationToken)
    {
        var recent = await memory.RecentAsync(scope.ConversationId, 11, cancellationToken);
        var earlier = recent.Where(m => m.Id != scope.UserMessageId).TakeLast(10).ToList();
        if (earlier.Count == 0)
        {
            return "This chat has no history yet.";
        }

        var answer = new StringBuilder("Last messages:");
        foreach (var message in earlier)
        {
            var who = message.Role == "assistant" ? "bot" : message.Role == "user" ? "you" : "note";
            answer.Append(Invariant, $"\n#{message.Sequence} {who}: {message.Content}");
        }

        return answer.ToString();
    }

    private async Task<string> StatsAsync(TurnScope scope, CancellationToken cancellationToken)
    {
        var stats = await memory.StatsAsync(scope.UserId, cancellationToken);
        var last = stats.LastActivity is { } at ? at.ToString("yyyy-MM-dd HH:mm 'UTC'", Invariant) : "never";
        return string.Create(Invariant, $"Conversations: {stats.Conversations}\nMessages: {stats.Messages}\nTool calls: {stats.ToolCalls}\nLast activity: {last}");
    }

    private async Task<string> ForgetAsync(TurnScope scope, string argument, CancellationToken cancellationToken)
    {
        if (!long.TryParse(argument.TrimStart('#'), NumberStyles.None, Invariant, out var sequence))
        {
            return "Send /forget followed by the #number of one of your messages, as /find and /history show it.";
        }

        return await memory.ForgetAsync(scope.ConversationId, sequence, cancellationToken)
            ? $"Forgotten #{sequence}."
            : $"There is no message #{sequence} of yours to forget here.";
    }

    private static (string Name, string Argument) Command(string text)
    {
        var trimmed = text.Trim();
        if (!trimmed.StartsWith('/'))
        {
            return (string.Empty, trimmed);
        }

        var space = trimmed.IndexOfAny([' ', '\n', '\t']);
        var word = space < 0 ? trimmed[1..] : trimmed[1..space];
        var at = word.IndexOf('@', StringComparison.Ordinal);
        var name = (at < 0 ? word : word[..at]).ToLowerInvariant();
        return (name, space < 0 ? string.Empty : trimmed[(space + 1)..].Trim());
    }
}
