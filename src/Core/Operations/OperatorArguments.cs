using System.Globalization;

namespace Monolith.Operations;

/// <summary>The arguments after a verb: positional words and --name value options.</summary>
public sealed class OperatorArguments
{
    private readonly Dictionary<string, string?> options;

    private OperatorArguments(IReadOnlyList<string> positional, Dictionary<string, string?> options)
    {
        Positional = positional;
        this.options = options;
    }

    public IReadOnlyList<string> Positional { get; }

    public bool WantsHelp => options.ContainsKey("help");

    /// <param name="flags">Options that take no value.</param>
    public static OperatorArguments Parse(IReadOnlyList<string> args, params string[] flags)
    {
        var positional = new List<string>();
        var options = new Dictionary<string, string?>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "-h" or "--help")
            {
                options["help"] = null;
            }
            else if (arg.StartsWith("--", StringComparison.Ordinal) && arg.Length > 2)
            {
                var name = arg[2..];
                var eq = name.IndexOf('=', StringComparison.Ordinal);
                if (eq > 0)
                {
                    options[name[..eq]] = name[(eq + 1)..];
                }
                else if (flags.Contains(name))
                {
                    options[name] = null;
                }
                else if (i + 1 < args.Count)
                {
                    options[name] = args[++i];
                }
                else
                {
                    throw new OperatorUsageException($"--{name} needs a value");
                }
            }
            else
            {
                positional.Add(arg);
            }
        }

        return new OperatorArguments(positional, options);
    }

    public string? Option(string name) => options.GetValueOrDefault(name);

    public bool Flag(string name) => options.ContainsKey(name);

    /// <summary>The whole-number option --<paramref name="name"/> in [min, max], or <paramref name="defaultValue"/> when it is not given.</summary>
    public int Number(string name, int defaultValue, int min, int max)
    {
        var text = Option(name);
        if (text is null)
        {
            return defaultValue;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new OperatorUsageException($"--{name} must be a whole number from {min} to {max}, got '{text}'");
    }

    public string Require(int index, string what) =>
        index < Positional.Count ? Positional[index] : throw new OperatorUsageException($"missing {what}");

    /// <summary>Fails on options the verb does not know, so a typo never runs with a default.</summary>
    public void AllowOnly(params string[] names)
    {
        var unknown = options.Keys.Where(k => k != "help" && !names.Contains(k)).ToList();
        if (unknown.Count > 0)
        {
            throw new OperatorUsageException($"unknown option --{unknown[0]}");
        }
    }
}
