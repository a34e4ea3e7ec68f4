using System.CommandLine;
using ChainGraph.Model.Requests;
using ChainGraph.Model.Text;
using ChainGraph.Storage;
using ChainGraph.Storage.Neo4j;
using ChainGraph.Storage.Sqlite;

namespace ChainGraph.Cli;

/// <summary>Options every verb shares: where the graph is (the embedded file or a Neo4j server), and JSON output.</summary>
public static class CommonOptions
{
    public const string DefaultDb = "data/chaingraph.db";

    public static Option<string> Db { get; } = new("--db")
    {
        Description = "Embedded store file (env CHAINGRAPH_DB).",
        DefaultValueFactory = _ => Env("CHAINGRAPH_DB") ?? DefaultDb,
    };

    public static Option<string> Store { get; } = CreateStore();

    public static Option<string> Neo4jUrl { get; } = new("--neo4j-url")
    {
        Description = "Neo4j's HTTP address for --store neo4j, e.g. http://localhost:7474 (env NEO4J_URL).",
        DefaultValueFactory = _ => Env("NEO4J_URL") ?? "",
    };

    public static Option<string> Neo4jUser { get; } = new("--neo4j-user")
    {
        Description = "Neo4j user (env NEO4J_USER).",
        DefaultValueFactory = _ => Env("NEO4J_USER") ?? "neo4j",
    };

    // No default value factory: help would print the value, and so the secret, as the default.
    public static Option<string> Neo4jPassword { get; } = new("--neo4j-password")
    {
        Description = "Neo4j password (env NEO4J_PASSWORD, which keeps it out of the process list).",
    };

    public static Option<string> Neo4jDatabase { get; } = new("--neo4j-database")
    {
        Description = "Neo4j database (env NEO4J_DATABASE).",
        DefaultValueFactory = _ => Env("NEO4J_DATABASE") ?? "neo4j",
    };

    public static Option<bool> Json { get; } = new("--json") { Description = "Machine-readable JSON on stdout, nothing else on stdout." };

    public static Option<string> Lang { get; } = CreateLang();

    /// <summary>The language the answer is written in (--lang, env CHAINGRAPH_LANG): Chinese unless English is asked for.</summary>
    public static Language LanguageOf(ParseResult result) => Languages.Parse(result.GetValue(Lang));

    static Option<string> CreateLang()
    {
        var option = new Option<string>("--lang") { Description = "zh (default) or en: the language of reasons, statuses and table headers (env CHAINGRAPH_LANG).",
            DefaultValueFactory = _ => Env("CHAINGRAPH_LANG") ?? "zh" };
        option.AcceptOnlyFromAmong("zh", "en");
        return option;
    }

    public static T With<T>(this T command, params Option[] options) where T : Command
    {
        foreach (var option in options) command.Add(option);
        return command;
    }

    public static T WithStore<T>(this T command) where T : Command =>
        command.With(Db, Store, Neo4jUrl, Neo4jUser, Neo4jPassword, Neo4jDatabase, Json, Lang);

    /// <summary>
    /// Opens the store the options name. A verb that only reads (<paramref name="create"/> false)
    /// refuses an embedded store file that does not exist, and creates nothing.
    /// </summary>
    /// <exception cref="NotFoundException">There is no store file at --db and <paramref name="create"/> is false.</exception>
    public static async Task<IGraphStore> OpenStoreAsync(ParseResult result, CancellationToken cancellationToken, bool create = false)
    {
        var neo4j = result.GetValue(Store) == "neo4j";
        if (!neo4j && !create) RequireEmbeddedStore(result);
        IGraphStore store = neo4j
            ? new Neo4jGraphStore(new Neo4jOptions
            {
                Url = result.GetValue(Neo4jUrl)!,
                User = result.GetValue(Neo4jUser)!,
                Password = result.GetValue(Neo4jPassword) ?? Env("NEO4J_PASSWORD") ?? "",
                Database = result.GetValue(Neo4jDatabase)!,
            })
            : new SqliteGraphStore(result.GetValue(Db)!);
        try
        {
            await store.InitializeAsync(cancellationToken);
            return store;
        }
        catch
        {
            await store.DisposeAsync();
            throw;
        }
    }

    /// <summary>The path of the embedded store file, which must exist.</summary>
    /// <exception cref="NotFoundException">There is no file at --db.</exception>
    public static string RequireEmbeddedStore(ParseResult result)
    {
        var db = result.GetValue(Db)!;
        if (File.Exists(db)) return db;
        throw new NotFoundException("db", db,
            $"no store at {db}: load the demo with `chaingraph demo --db {db}` or import data with `chaingraph import PATH --format FORMAT --db {db}` "
            + "(or name another store with --db or CHAINGRAPH_DB).");
    }

    static Option<string> CreateStore()
    {
        var option = new Option<string>("--store")
        {
            Description = "Graph store: embedded (the SQLite file of --db) or neo4j (the server named by --neo4j-url).",
            DefaultValueFactory = _ => "embedded",
        };
        option.AcceptOnlyFromAmong("embedded", "neo4j");
        return option;
    }

    static string? Env(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;
}
