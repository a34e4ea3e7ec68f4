using ChainGraph.Formats.ChainKg;

namespace ChainGraph.Testing;

/// <summary>Where a real data set is looked for, and why the tests cannot read it there (null when they can).</summary>
public sealed record DataFolder(string Path, string? MissingReason)
{
    /// <summary><see cref="Path"/> when the data is there, else null.</summary>
    public string? Found => MissingReason is null ? Path : null;

    /// <summary>
    /// The ChainKnowledgeGraph folder: <paramref name="variable"/> (the value of CHAINGRAPH_DATA)
    /// when set, a relative path being taken from the repository root; else ../shared/data/chainkg
    /// beside the repository.
    /// </summary>
    public static DataFolder ChainKg(string? variable, string repositoryRoot)
    {
        var fromVariable = !string.IsNullOrWhiteSpace(variable);
        var path = System.IO.Path.GetFullPath(fromVariable ? variable! : System.IO.Path.Combine("..", "shared", "data", "chainkg"), repositoryRoot);
        var missing = Missing(path, ChainKgReader.Files);
        return new(path, missing is null ? null : fromVariable
            ? $"No ChainKnowledgeGraph data at {path}, the folder {SharedData.Variable} names ({missing})."
            : $"No ChainKnowledgeGraph data at {path} ({missing}): set {SharedData.Variable} to its folder.");
    }

    /// <summary>The Chinese administrative divisions and other reference lists: ../shared/data/cn beside the repository.</summary>
    public static DataFolder Cn(string repositoryRoot)
    {
        var path = System.IO.Path.GetFullPath(System.IO.Path.Combine("..", "shared", "data", "cn"), repositoryRoot);
        var missing = Missing(path, ["china_admin_divisions.csv"]);
        return new(path, missing is null ? null : $"No reference lists at {path} ({missing}).");
    }

    static string? Missing(string folder, IEnumerable<string> files)
    {
        if (!Directory.Exists(folder)) return "no such folder";
        var absent = files.Where(f => !File.Exists(System.IO.Path.Combine(folder, f))).ToList();
        return absent.Count == 0 ? null : $"{string.Join(", ", absent)} not found";
    }
}
