using System.Text.RegularExpressions;

namespace ChainGraph.Model.Products;

/// <summary>What a product line is when it is not a product.</summary>
public enum NonProductKind
{
    /// <summary>A balancing or elimination line, a total (平衡项目, 分部间抵销, 合计).</summary>
    Accounting,

    /// <summary>A business segment of a report (医药工业分部), not a product.</summary>
    Reporting,

    /// <summary>A service, trade, leasing or agency line (技术服务, 钢材贸易).</summary>
    Service,

    /// <summary>A bare unit of measure (MW).</summary>
    Unit,
}

/// <summary>
/// Recognises the lines of company reports that the data lists as products but that are not:
/// accounting lines, report segments, services and bare units. The rules are data,
/// graph/products/non-products.tsv, the first matching rule deciding. O(rules) per name.
/// </summary>
public sealed class NonProductLines
{
    static readonly Lazy<NonProductLines> Shared = new(() =>
    {
        using var stream = typeof(NonProductLines).Assembly.GetManifestResourceStream("non-products.tsv")
            ?? throw new InvalidOperationException("The non-product rules are not embedded in the assembly.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    });

    readonly IReadOnlyList<(NonProductKind Kind, Func<string, bool> Matches)> rules;

    NonProductLines(IReadOnlyList<(NonProductKind, Func<string, bool>)> rules) => this.rules = rules;

    /// <summary>The rules shipped with ChainGraph.</summary>
    public static NonProductLines Default => Shared.Value;

    /// <summary>The kind of non-product <paramref name="name"/> is, or null for a product.</summary>
    public NonProductKind? Classify(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        foreach (var (kind, matches) in rules)
            if (matches(name)) return kind;
        return null;
    }

    /// <summary>Reads rules in the shipped file's format: tab-separated kind, rule, pattern; # comments; a header line.</summary>
    public static NonProductLines Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var rules = new List<(NonProductKind, Func<string, bool>)>();
        foreach (var (line, number) in text.Split('\n').Select((l, i) => (l.TrimEnd('\r'), i + 1)))
        {
            if (line.Length == 0 || line.StartsWith('#') || line.StartsWith("kind\t", StringComparison.Ordinal)) continue;
            var fields = line.Split('\t');
            if (fields.Length != 3 || !Enum.TryParse<NonProductKind>(fields[0], ignoreCase: true, out var kind))
                throw new FormatException($"non-products.tsv:{number}: expected kind, rule and pattern separated by tabs. Got: '{line}'");
            var pattern = fields[2];
            Func<string, bool> matches = fields[1] switch
            {
                "exact" => name => name == pattern,
                "suffix" => name => name.EndsWith(pattern, StringComparison.Ordinal),
                "contains" => name => name.Contains(pattern, StringComparison.Ordinal),
                // Linear time in the name whatever the pattern: no backtracking, so no timeout that a busy machine could trip.
                "regex" => new Regex($"^(?:{pattern})$", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking).IsMatch,
                _ => throw new FormatException($"non-products.tsv:{number}: field 'rule' must be exact, suffix, contains or regex. Got: '{fields[1]}'"),
            };
            rules.Add((kind, matches));
        }
        return new NonProductLines(rules);
    }
}
