using System.Globalization;
using System.Text;

namespace Monolith.Search;

/// <summary>
/// Turns what a user typed into the text given to <c>websearch_to_tsquery</c>. A natural question ("what car do I
/// have?") becomes its content words joined by <c>or</c>, so a document is found by any of them and ranked by how many
/// match and how close they stand; function words (the, do, что, які, …) are left out, because every document has them.
/// A query written with search syntax (a "quoted phrase", -excluded or an explicit or) is kept as written, with its
/// every-word meaning.
/// </summary>
public static class FullTextQuery
{
    private static readonly HashSet<string> FunctionWords = new(StringComparer.Ordinal)
    {
        // English
        "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "for", "with", "by", "from", "about", "as",
        "is", "are", "was", "were", "be", "been", "am", "do", "does", "did", "have", "has", "had", "what", "which", "who",
        "whom", "whose", "where", "when", "why", "how", "i", "me", "my", "mine", "you", "your", "he", "she", "it", "its",
        "we", "our", "they", "their", "them", "this", "that", "these", "those", "there", "here", "can", "could", "will",
        "would", "should", "shall", "may", "might", "must", "not", "no", "yes", "so", "if", "then", "than", "too", "very",
        "just", "any", "some", "all", "again", "tell", "remember", "know", "please", "s", "t", "d", "ll", "ve", "m", "re",
        "what's", "who's", "where's", "when's", "how's", "i'm", "i've", "don't", "doesn't",
        // Russian
        "и", "в", "во", "не", "что", "он", "на", "я", "с", "со", "как", "а", "то", "все", "она", "так", "его", "но", "да",
        "ты", "к", "у", "же", "вы", "за", "бы", "по", "только", "ее", "её", "мне", "было", "вот", "от", "меня", "еще", "ещё",
        "нет", "о", "из", "ему", "теперь", "когда", "ли", "если", "или", "ни", "быть", "был", "была", "до", "вас", "нибудь",
        "уже", "вам", "там", "потом", "себя", "ей", "может", "они", "тут", "где", "есть", "надо", "для", "мы", "тебя", "их",
        "чем", "сам", "без", "будто", "чего", "раз", "тоже", "себе", "под", "будет", "ж", "тогда", "кто", "этот", "того",
        "потому", "этого", "какой", "какая", "какое", "какие", "какую", "каким", "ним", "здесь", "этом", "мой", "моя", "моё",
        "мое", "мои", "моего", "моей", "мою", "моим", "моих", "твой", "твоя", "свой", "своя", "своё", "свои", "своего",
        "зовут", "скажи", "помнишь", "напомни", "который", "которая", "которое", "которые", "сколько", "чей", "чья", "куда",
        "зачем", "почему", "это", "эта", "эти", "у", "при", "над", "об", "про",
        // Ukrainian
        "і", "й", "та", "але", "що", "він", "вона", "воно", "вони", "ми", "ви", "ти", "мені", "мене", "мій", "моя", "моє",
        "мої", "мого", "моєї", "мою", "моїм", "моїх", "твій", "твоя", "свій", "своя", "своє", "свої", "це", "цей", "ця",
        "ці", "той", "та", "ті", "як", "який", "яка", "яке", "які", "якого", "якої", "яку", "яким", "якій", "хто", "де",
        "коли", "чому", "навіщо", "куди", "скільки", "чий", "чия", "чиє", "чи", "не", "ні", "так", "є", "був", "була",
        "було", "були", "бути", "буде", "від", "до", "для", "на", "у", "в", "з", "із", "зі", "за", "по", "про", "під",
        "над", "при", "без", "через", "також", "теж", "вже", "ще", "тут", "там", "або", "якщо", "щоб", "себе", "собі",
        "звати", "скажи", "пам'ятаєш", "нагадай", "його", "її", "їх", "йому", "їй", "нам", "вам", "їм",
    };

    public static string Of(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (UsesSearchSyntax(query))
        {
            return query;
        }

        var words = Words(query);
        var content = words.Where(w => !FunctionWords.Contains(w)).Distinct(StringComparer.Ordinal).ToList();
        var chosen = content.Count > 0 ? content : words.Distinct(StringComparer.Ordinal).ToList();
        return chosen.Count == 0 ? query : string.Join(" or ", chosen);
    }

    private static bool UsesSearchSyntax(string query) =>
        query.Contains('"', StringComparison.Ordinal)
        || query.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Any(t => (t.Length > 1 && t[0] == '-') || t.Equals("or", StringComparison.OrdinalIgnoreCase));

    /// <summary>Lower-cased runs of letters, digits and in-word apostrophes.</summary>
    private static List<string> Words(string text)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        foreach (var c in text.ToLower(CultureInfo.InvariantCulture).Replace('’', '\'').Replace('ʼ', '\''))
        {
            if (char.IsLetterOrDigit(c) || (c == '\'' && current.Length > 0))
            {
                current.Append(c);
            }
            else if (current.Length > 0)
            {
                words.Add(current.ToString().TrimEnd('\''));
                current.Clear();
            }
        }

        if (current.Length > 0)
        {
            words.Add(current.ToString().TrimEnd('\''));
        }

        return words;
    }
}
