namespace ChainGraph.Testing;

/// <summary>
/// The real data: the ChainKnowledgeGraph folder that CHAINGRAPH_DATA names, by default
/// ../shared/data/chainkg beside the repository (see <see cref="DataFolder"/>). Tests that need it
/// use <see cref="ChainKgFactAttribute"/>, skipped, naming the folder and the variable, where it is absent.
/// </summary>
public static class SharedData
{
    /// <summary>The environment variable that names the ChainKnowledgeGraph folder.</summary>
    public const string Variable = "CHAINGRAPH_DATA";

    static readonly Lazy<DataFolder> ChainKgFolder = new(() => DataFolder.ChainKg(Environment.GetEnvironmentVariable(Variable), RepositoryFolder.Root));
    static readonly Lazy<DataFolder> CnFolder = new(() => DataFolder.Cn(RepositoryFolder.Root));

    /// <summary>The ChainKnowledgeGraph folder, or null when it is not on this machine.</summary>
    public static string? ChainKg => ChainKgFolder.Value.Found;

    /// <summary>Why <see cref="ChainKg"/> is null, naming the folder looked at and the variable.</summary>
    public static string MissingReason => ChainKgFolder.Value.MissingReason ?? "";

    /// <summary>../shared/data/cn, or null.</summary>
    public static string? Cn => CnFolder.Value.Found;

    /// <summary>Why <see cref="Cn"/> is null.</summary>
    public static string CnMissingReason => CnFolder.Value.MissingReason ?? "";
}

/// <summary>A fact that needs the ChainKnowledgeGraph data; reported as skipped, with the reason, where it is absent.</summary>
public sealed class ChainKgFactAttribute : FactAttribute
{
    public ChainKgFactAttribute()
    {
        if (SharedData.ChainKg is null) Skip = SharedData.MissingReason;
    }
}

/// <summary>A fact that needs ../shared/data/cn; reported as skipped, with the reason, where it is absent.</summary>
public sealed class CnFactAttribute : FactAttribute
{
    public CnFactAttribute()
    {
        if (SharedData.Cn is null) Skip = SharedData.CnMissingReason;
    }
}
