namespace Monolith.Mechanic;

/// <summary>
/// A linear, non-recursive pass over an entity source before Roslyn sees it. Roslyn's parser recurses once per nesting
/// level (generic arguments, tuples, brackets, interpolated strings) and a stack overflow cannot be caught in .NET, while
/// deep interpolation makes its lexer quadratic; so sources nested deeper than <see cref="MaxDepth"/> are refused here.
/// It also refuses bidirectional control characters and preprocessor directives, both of which the whitelist rejects
/// anyway; refusing directives first keeps this scan's view of strings and code the same as Roslyn's.
/// </summary>
public static class EntitySourceScreen
{
    /// <summary>
    /// Open brackets of every kind plus open interpolated strings and their holes, counted together. A real entity
    /// nests about five deep (class, property, attribute, typeof, generic argument).
    /// </summary>
    public const int MaxDepth = 64;

    /// <summary>Adds a finding and returns false when <paramref name="source"/> must not be parsed.</summary>
    public static bool Check(string source, List<SafetyFinding> findings)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(findings);
        if (BidiControls.IndexOf(source) is var bidi and >= 0)
        {
            findings.Add(new SafetyFinding("bidi-control", SafetyFinding.Error, BidiControls.Describe(source[bidi]) + " is not allowed in an entity source: it makes code read differently from how it compiles", LineAt(source, bidi)));
            return false;
        }

        var problem = new Scanner(source).Run();
        if (problem is null)
        {
            return true;
        }

        findings.Add(problem);
        return false;
    }

    private static int LineAt(string source, int index) => source.AsSpan(0, index).Count('\n') + 1;

    /// <summary>Where the scanner is: code (at the top or in an interpolation hole) or the text of a string.</summary>
    private enum FrameKind
    {
        Hole,
        InterpolatedText,
    }

    /// <summary>An open interpolated string (with its quote and dollar counts) or an open hole (with the bracket counts to restore when it closes).</summary>
    private readonly record struct Frame(FrameKind Kind, bool Verbatim, int Quotes, int Dollars, int Parens, int Squares, int Braces, int Angles);

    private sealed class Scanner(string text)
    {
        private readonly Stack<Frame> frames = new();
        private int position;
        private int line = 1;
        private int parens;
        private int squares;
        private int braces;
        private int angles;
        private bool lineStart = true;

        private int Depth => parens + squares + braces + angles + frames.Count;

        public SafetyFinding? Run()
        {
            while (position < text.Length)
            {
                var problem = frames.TryPeek(out var top) && top.Kind == FrameKind.InterpolatedText ? InterpolatedText(top) : Code();
                if (problem is not null)
                {
                    return problem;
                }

                if (Depth > MaxDepth)
                {
                    return new SafetyFinding(
                        "nesting-too-deep",
                        SafetyFinding.Error,
                        $"the source nests brackets, generic arguments or interpolated strings more than {MaxDepth} levels deep",
                        line);
                }
            }

            return null;
        }

        /// <summary>One step in code: a comment, a string, a bracket or any other character.</summary>
        private SafetyFinding? Code()
        {
            var c = text[position];
            if (IsNewLine(c))
            {
                line += c == '\n' ? 1 : 0;
                lineStart = true;
                position++;
                return null;
            }

            if (char.IsWhiteSpace(c))
            {
                position++;
                return null;
            }

            var startsLine = lineStart;
            lineStart = false;
            var inHole = frames.TryPeek(out var hole);
            switch (c)
            {
                case '#' when startsLine:
                    // Disabled text after #if is not code to Roslyn, so this scan could not follow it: refuse first.
                    return new SafetyFinding("preprocessor-directive", SafetyFinding.Error, "preprocessor directives (#line, #pragma, #define, #if, ...) are not allowed in an entity", line);
                case '/' when Peek(1) == '/':
                    SkipLine();
                    return null;
                case '/' when Peek(1) == '*':
                    position += 2;
                    SkipComment();
                    return null;
                case '\'':
                    position++;
                    SkipQuoted('\'');
                    return null;
                case '"' or '$' or '@' when StringStart():
                    return null;
                case ':' when inHole && Peek(1) != ':' && parens == hole.Parens && squares == hole.Squares && braces == hole.Braces:
                    SkipFormat();
                    return null;
                case '(':
                    parens++;
                    break;
                case ')':
                    parens = Math.Max(inHole ? hole.Parens : 0, parens - 1);
                    break;
                case '[':
                    squares++;
                    break;
                case ']':
                    squares = Math.Max(inHole ? hole.Squares : 0, squares - 1);
                    break;
                case '<':
                    angles++;
                    break;
                case '>':
                    angles = Math.Max(inHole ? hole.Angles : 0, angles - 1);
                    break;
                case '{':
                    braces++;
                    break;
                case '}' when inHole && braces == hole.Braces:
                    position++;
                    CloseHole();
                    return null;
                case '}':
                    braces = Math.Max(0, braces - 1);
                    break;
            }

            position++;
            return null;
        }

        /// <summary>At '"', '$' or '@': enters a string when a (prefixed) quote starts here.</summary>
        private bool StringStart()
        {
            var start = position;
            var dollars = 0;
            var verbatim = false;
            while (position < text.Length && text[position] is '$' or '@')
            {
                dollars += text[position] == '$' ? 1 : 0;
                verbatim |= text[position] == '@';
                position++;
            }

            if (position >= text.Length || text[position] != '"')
            {
                position = start;
                return false;
            }

            var quotes = CountRun('"');
            if (quotes == 2)
            {
                // An empty string: "" or $"" or @"".
                position += 2;
                return true;
            }

            position += quotes;
            if (dollars > 0)
            {
                frames.Push(new Frame(FrameKind.InterpolatedText, verbatim, quotes, dollars, 0, 0, 0, 0));
                return true;
            }

            if (quotes >= 3)
            {
                SkipRaw(quotes);
            }
            else if (verbatim)
            {
                SkipVerbatim();
            }
            else
            {
                SkipQuoted('"');
            }

            return true;
        }

        /// <summary>One step in the text of an interpolated string: its end, a hole, or a literal character.</summary>
        private SafetyFinding? InterpolatedText(Frame frame)
        {
            var c = text[position];
            var raw = frame.Quotes >= 3;
            if (IsNewLine(c))
            {
                line += c == '\n' ? 1 : 0;
                if (!raw && !frame.Verbatim)
                {
                    // Roslyn ends an unterminated regular string at the line break; so does this scan.
                    frames.Pop();
                    lineStart = true;
                }

                position++;
                return null;
            }

            if (c == '"')
            {
                var run = CountRun('"');
                if (raw ? run >= frame.Quotes : !(frame.Verbatim && run >= 2))
                {
                    frames.Pop();
                    position += raw ? run : 1;
                    return null;
                }

                position += raw ? run : 2;
                return null;
            }

            if (!raw && !frame.Verbatim && c == '\\')
            {
                line += Peek(1) == '\n' ? 1 : 0;
                position += 2;
                return null;
            }

            if (c == '{')
            {
                var run = CountRun('{');
                if (run >= frame.Dollars && !(frame.Dollars == 1 && !raw && run >= 2 && run % 2 == 0))
                {
                    position += run;
                    frames.Push(new Frame(FrameKind.Hole, false, 0, 0, parens, squares, braces, angles));
                    return null;
                }

                position += run;
                return null;
            }

            position++;
            return null;
        }

        /// <summary>Closes the innermost hole and restores the brackets that were open before it.</summary>
        private void CloseHole()
        {
            var hole = frames.Pop();
            (parens, squares, braces, angles) = (hole.Parens, hole.Squares, hole.Braces, hole.Angles);
        }

        /// <summary>A hole's format specifier ({x:N2}) is text up to the '}'; a quote or line break ends it early, as Roslyn would.</summary>
        private void SkipFormat()
        {
            position++;
            while (position < text.Length && text[position] is not ('}' or '"') && !IsNewLine(text[position]))
            {
                position++;
            }

            if (position < text.Length && text[position] == '}')
            {
                position++;
            }

            CloseHole();
        }

        private void SkipLine()
        {
            while (position < text.Length && !IsNewLine(text[position]))
            {
                position++;
            }
        }

        private void SkipComment()
        {
            var found = text.IndexOf("*/", position, StringComparison.Ordinal);
            var stop = found < 0 ? text.Length : found + 2;
            line += text.AsSpan(position, stop - position).Count('\n');
            position = stop;
        }

        private void SkipQuoted(char quote)
        {
            while (position < text.Length)
            {
                var c = text[position];
                if (IsNewLine(c))
                {
                    return;
                }

                // Roslyn's escape takes the next character whatever it is, a line break included.
                line += c == '\\' && Peek(1) == '\n' ? 1 : 0;
                position += c == '\\' ? 2 : 1;
                if (c == quote)
                {
                    return;
                }
            }
        }

        private void SkipVerbatim()
        {
            while (position < text.Length)
            {
                var c = text[position];
                position++;
                if (c == '\n')
                {
                    line++;
                }
                else if (c == '"')
                {
                    if (Peek(0) != '"')
                    {
                        return;
                    }

                    position++;
                }
            }
        }

        private void SkipRaw(int quotes)
        {
            while (position < text.Length)
            {
                if (text[position] == '"')
                {
                    var run = CountRun('"');
                    position += run;
                    if (run >= quotes)
                    {
                        return;
                    }

                    continue;
                }

                line += text[position] == '\n' ? 1 : 0;
                position++;
            }
        }

        private int CountRun(char c)
        {
            var end = position;
            while (end < text.Length && text[end] == c)
            {
                end++;
            }

            return end - position;
        }

        /// <summary>The line breaks Roslyn ends a comment or a regular string at.</summary>
        private static bool IsNewLine(char c) => c is '\n' or '\r' or '\u0085' or '\u2028' or '\u2029';

        private char Peek(int offset) => position + offset < text.Length ? text[position + offset] : '\0';
    }
}
