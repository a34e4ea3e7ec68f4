using System.CommandLine;
using ChainGraph.Storage;
using ChainGraph.Storage.Sqlite;

namespace ChainGraph.Cli;

/// <summary>Options every verb shares: where the graph is, and JSON output.</summary>
public static class CommonOptions
{
    public const string DefaultDb = "data/chaingraph.db";

    public static Option<string> Db { get; } = new("--db")
    {
        Description = $"Embedded store file (env CHAINGRAPH_DB; default {DefaultDb}).",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("CHAINGRAPH_DB") is { Length: > 0 } env ? env : DefaultDb,
    };

    public static Option<string> Store { get; } = CreateStore();

    public static Option<bool> Json { get; } = new("--json") { Description = "Machine-readable JSON on stdout, nothing else on stdout." };

    public static T With<T>(this T command, params Option[] options) where T : Command
    {
        foreach (var option in options) command.Add(option);
        return command;
    }

    public static T WithStore<T>(this T command) where T : Command => command.With(Db, Store, Json);

    /// <summary>Opens the store the options name, creating its schema if needed.</summary>
    public static async Task<IGraphStore> OpenStoreAsync(ParseResult result, CancellationToken cancellationToken)
    {
        IGraphStore store = new SqliteGraphStore(result.GetValue(Db)!);
        await store.InitializeAsync(cancellationToken);
        return store;
    }

    static Option<string> CreateStore()
    {
        var option = new Option<string>("--store") { Description = "Graph store: embedded (SQLite file).", DefaultValueFactory = _ => "embedded" };
        option.AcceptOnlyFromAmong("embedded");
        return option;
    }
}
