namespace ChainGraph.Model;

/// <summary>
/// The enterprise tags a question is limited to (链主, 专精特新, 单项冠军 …): an enterprise counts when it
/// has any of them; no tags means every enterprise. Equal sets are equal values, so a question
/// asked with <c>专精特新,链主</c> and with <c>链主,专精特新</c> is one question (one cached answer).
/// </summary>
public sealed record TagSet
{
    // Split once: Matches runs once per maker in the rankings.
    readonly string[] tags;

    TagSet(string key)
    {
        Key = key;
        tags = key.Length == 0 ? [] : key.Split(',');
    }

    public static TagSet None { get; } = new("");

    /// <summary>The tags, sorted and joined by commas; empty for <see cref="None"/>.</summary>
    public string Key { get; }

    public IReadOnlyList<string> Tags => tags;

    /// <summary>Comma-separated tags (full-width commas and blanks too); null or blank gives <see cref="None"/>.</summary>
    public static TagSet Parse(string? text) =>
        string.IsNullOrWhiteSpace(text) ? None
        : new(string.Join(',', text.Split([',', '，', '、'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)));

    public bool Matches(IReadOnlyList<string> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        if (this.tags.Length == 0) return true;
        foreach (var tag in tags)
            if (Array.IndexOf(this.tags, tag) >= 0) return true;
        return false;
    }

    /// <summary>Equal when the tags are: <see cref="Key"/> says it all.</summary>
    public bool Equals(TagSet? other) => other is not null && string.Equals(Key, other.Key, StringComparison.Ordinal);

    public override int GetHashCode() => Key.GetHashCode(StringComparison.Ordinal);

    public override string ToString() => Key;
}
