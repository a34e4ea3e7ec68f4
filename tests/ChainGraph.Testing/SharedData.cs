namespace ChainGraph.Testing;

/// <summary>
/// The real data beside the project (../shared/data). Tests that need it use
/// <see cref="ChainKgFactAttribute"/>, which skips with the reason when the folder is absent.
/// </summary>
public static class SharedData
{
    static readonly Lazy<string?> Root = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data");
            if (Directory.Exists(Path.Combine(candidate, "chainkg"))) return candidate;
        }
        return null;
    });

    /// <summary>../shared/data/chainkg, or null when it is not on this machine.</summary>
    public static string? ChainKg => Root.Value is { } root ? Path.Combine(root, "chainkg") : null;

    /// <summary>../shared/data/cn, or null.</summary>
    public static string? Cn => Root.Value is { } root ? Path.Combine(root, "cn") : null;

    public const string MissingReason = "../shared/data/chainkg is absent on this machine: the real-data tests cannot run here.";
}

/// <summary>A fact that needs ../shared/data; reported as skipped, with the reason, where it is absent.</summary>
public sealed class ChainKgFactAttribute : FactAttribute
{
    public ChainKgFactAttribute()
    {
        if (SharedData.ChainKg is null) Skip = SharedData.MissingReason;
    }
}
