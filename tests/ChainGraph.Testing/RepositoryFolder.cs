namespace ChainGraph.Testing;

/// <summary>The folder holding Graph.sln, found from the test's build output; where there is none (a copied build), the current folder.</summary>
public static class RepositoryFolder
{
    static readonly Lazy<string> Found = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Graph.sln"))) return dir.FullName;
        return Directory.GetCurrentDirectory();
    });

    public static string Root => Found.Value;
}
