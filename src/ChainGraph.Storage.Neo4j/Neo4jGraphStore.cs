using System.Text.Json;
using ChainGraph.Model;
using ChainGraph.Storage.Neo4j.Cypher;

namespace ChainGraph.Storage.Neo4j;

/// <summary>
/// The scale-out store: the graph in Neo4j (5.26 or later, self-hosted or Aura), spoken to over the
/// HTTP Query API. Every node carries its own label and the common label <c>ChainNode</c>, whose
/// uniqueness constraint on <c>id</c> keeps ids unique across labels (graph/schema.cypher); the
/// node id is the <c>id</c> property, as <c>neo4j-admin database import</c> stores an <c>id:ID</c>
/// column. Every statement comes from graph/queries; values travel only as parameters. Same
/// semantics as the embedded store: a write is one transaction, properties merge, later values win.
/// </summary>
public sealed partial class Neo4jGraphStore : IGraphStore
{
    /// <summary>The label every ChainGraph node carries besides its own.</summary>
    public const string CommonLabel = "ChainNode";

    const string IdProperty = "id";

    readonly Neo4jQueryClient client;
    readonly int batchSize;

    /// <param name="timeProvider">The clock of retry delays, request timeouts and circuit breaks; the system clock by default.</param>
    public Neo4jGraphStore(Neo4jOptions options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        client = new Neo4jQueryClient(options, timeProvider);
        batchSize = options.BatchSize;
    }

    /// <summary>Applies graph/schema.cypher: constraints and indexes, each IF NOT EXISTS.</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        // One request each: Neo4j does not mix schema changes with other statements in one transaction.
        foreach (var statement in CypherCatalog.Schema) await client.RunAsync(statement, null, cancellationToken);
    }

    /// <summary>Deletes every ChainGraph node and relationship (only those: other data in the database stays).</summary>
    public async Task DeleteAllAsync(CancellationToken cancellationToken = default)
    {
        // delete-all commits in transactions of its own, which no other statement can join.
        await client.RunAsync(CypherCatalog.Get("delete-all"), null, cancellationToken);
        await client.RunAsync(CypherCatalog.Get("renew-change-stamp"), NewChangeStamp(), cancellationToken);
    }

    public ValueTask DisposeAsync()
    {
        client.Dispose();
        return ValueTask.CompletedTask;
    }

    static Dictionary<string, object?> Parameters(params (string Name, object? Value)[] parameters) =>
        parameters.ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);

    /// <summary>The positions of a node's id, labels and properties in a result.</summary>
    readonly record struct NodeColumns(int Id, int Labels, int Props)
    {
        public static NodeColumns Of(QueryResult result) => new(result.IndexOf("id"), result.IndexOf("labels"), result.IndexOf("props"));

        public GraphNode Read(JsonElement[] row) => ReadNode(row[Id], row[Labels], row[Props]);
    }

    static GraphNode ReadNode(JsonElement id, JsonElement labels, JsonElement props)
    {
        var nodeId = id.GetString()!;
        var label = LabelOf(nodeId, labels);
        var properties = PropertyJson.Read(props, p => GraphSchema.TypeOf(label, p));
        properties.Remove(IdProperty);
        return new GraphNode(nodeId, label, properties);
    }

    static NodeLabel LabelOf(string id, JsonElement labels)
    {
        foreach (var name in labels.EnumerateArray())
            if (GraphSchema.TryParseLabel(name.GetString() ?? "", out var label)) return label;
        throw new GraphStoreException($"Node '{id}' has none of ChainGraph's labels. Got: {labels.GetRawText()}",
            Neo4jErrorCodes.UnknownLabel, isTransient: false);
    }

    static string? Text(JsonElement value) => value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
