using ChainGraph.Model.Requests;

namespace ChainGraph.Server.Views;

/// <summary>
/// The page's pickers (chain, region, thresholds, tab, table sort and filter) as a room and a saved view keep them:
/// names and values the page chooses, bounded so a member cannot make every other one hold much.
/// </summary>
public static class ViewPickers
{
    public const int MaxPickers = 32;
    public const int MaxName = 100;
    public const int MaxValue = 200;

    public static ParameterCheck Pickers(this ParameterCheck check, string field, IReadOnlyDictionary<string, string>? pickers)
    {
        ArgumentNullException.ThrowIfNull(check);
        if (pickers is null) return check;
        check.That(pickers.Count <= MaxPickers, field, null, $"at most {MaxPickers} pickers. Got: {pickers.Count}");
        foreach (var (name, value) in pickers.Take(MaxPickers + 1))
        {
            check.That(name.Length is > 0 and <= MaxName, $"{field}.{Cut(name)}", null, $"a picker's name must be 1 to {MaxName} characters. Got: {name.Length}")
                .That(value is not null, $"{field}.{Cut(name)}", null, "a picker's value must be a string, not null.")
                .Bounded($"{field}.{Cut(name)}", value, MaxValue);
        }
        return check;
    }

    static string Cut(string name) => name.Length <= 40 ? name : name[..40] + "…";
}
