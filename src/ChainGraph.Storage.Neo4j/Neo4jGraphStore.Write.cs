using ChainGraph.Model;
using ChainGraph.Model.Import;
using ChainGraph.Storage.Neo4j.Cypher;

namespace ChainGraph.Storage.Neo4j;

public sealed partial class Neo4jGraphStore
{
    public async Task<IReadOnlyDictionary<string, NodeLabel>> GetLabelsAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var statement = CypherCatalog.Get("get-labels");
        var found = new Dictionary<string, NodeLabel>(StringComparer.Ordinal);
        foreach (var chunk in ids.Chunk(batchSize))
        {
            var result = await client.RunAsync(statement, Parameters(("ids", chunk)), cancellationToken);
            var (id, labels) = (result.IndexOf("id"), result.IndexOf("labels"));
            foreach (var row in result.Rows)
            {
                var nodeId = row[id].GetString()!;
                found[nodeId] = LabelOf(nodeId, row[labels]);
            }
        }
        return found;
    }

    /// <summary>
    /// Upserts the plan in one explicit transaction, in batches of <see cref="Neo4jOptions.BatchSize"/>
    /// rows (<c>UNWIND $rows AS row MERGE ...</c>); any failure rolls the whole write back, and a
    /// transient one retries it from the start.
    /// </summary>
    public async Task WriteAsync(ImportPlan plan, IProgress<WriteProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (plan.Nodes.FirstOrDefault(n => n.Properties.ContainsKey(IdProperty)) is { } clash)
            throw new GraphStoreException($"Node '{clash.Id}' has a property named '{IdProperty}', which the Neo4j store keeps for the node id " +
                "(as neo4j-admin import does); rename the property.", Neo4jErrorCodes.ReservedProperty, isTransient: false);
        var total = (long)plan.Nodes.Count + plan.Relationships.Count;
        await client.InTransactionAsync(async (transaction, token) =>
        {
            long written = 0;
            await RemoveAsync(transaction, plan, token);
            foreach (var chunk in plan.Nodes.Chunk(batchSize))
            {
                await transaction.RunAsync(CypherCatalog.Get("upsert-nodes"), Parameters(("rows", chunk.Select(NodeRow).ToList())), token);
                progress?.Report(new WriteProgress(written += chunk.Length, total));
            }
            foreach (var chunk in plan.Relationships.Chunk(batchSize))
            {
                await UpsertRelationshipsAsync(transaction, chunk, token);
                progress?.Report(new WriteProgress(written += chunk.Length, total));
            }
            await RenewChangeStampAsync(transaction, token);
        }, cancellationToken);
        progress?.Report(new WriteProgress(total, total));
    }

    /// <summary>Takes off stored nodes the properties and relationships the plan removes; SET += with a null value removes a property.</summary>
    async Task RemoveAsync(Neo4jTransaction transaction, ImportPlan plan, CancellationToken cancellationToken)
    {
        foreach (var chunk in plan.RemovedProperties.Chunk(batchSize))
        {
            var rows = chunk.Select(r => Parameters(("id", r.Id), ("label", GraphSchema.Name(r.Label)),
                ("props", r.Keys.ToDictionary(k => k, _ => (object?)null, StringComparer.Ordinal)))).ToList();
            await transaction.RunAsync(CypherCatalog.Get("upsert-nodes"), Parameters(("rows", rows)), cancellationToken);
        }
        foreach (var key in plan.RemovedRelationships)
        {
            await transaction.RunAsync(CypherCatalog.Get("delete-relationship"),
                Parameters(("start", key.StartId), ("end", key.EndId), ("type", GraphSchema.Name(key.Type))), cancellationToken);
        }
    }

    static async Task UpsertRelationshipsAsync(Neo4jTransaction transaction, GraphRelationship[] chunk, CancellationToken cancellationToken)
    {
        var result = await transaction.RunAsync(CypherCatalog.Get("upsert-relationships"),
            Parameters(("rows", chunk.Select(RelationshipRow).ToList())), cancellationToken);
        var written = result.Scalar("written")?.GetInt64() ?? 0;
        // MATCH drops a row whose endpoint is missing; the embedded store fails the write instead, and so does this one.
        if (written < chunk.Length)
            throw new GraphStoreException($"{chunk.Length - written} of {chunk.Length} relationships name a node that does not exist.",
                Neo4jErrorCodes.NodeNotFound, isTransient: false);
    }

    static Dictionary<string, object?> NodeRow(GraphNode node) =>
        Parameters(("id", node.Id), ("label", GraphSchema.Name(node.Label)), ("props", node.Properties));

    static Dictionary<string, object?> RelationshipRow(GraphRelationship rel) =>
        Parameters(("start", rel.StartId), ("end", rel.EndId), ("type", GraphSchema.Name(rel.Type)), ("props", rel.Properties));

    public Task<bool> DeleteNodeAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        return DeleteAsync(CypherCatalog.Get("delete-node"), Parameters(("id", id)), cancellationToken);
    }

    public Task<bool> DeleteRelationshipAsync(RelationshipKey key, CancellationToken cancellationToken = default) =>
        DeleteAsync(CypherCatalog.Get("delete-relationship"),
            Parameters(("start", key.StartId), ("end", key.EndId), ("type", GraphSchema.Name(key.Type))), cancellationToken);

    /// <summary>Runs a delete in a transaction that renews the change stamp when it deleted anything.</summary>
    async Task<bool> DeleteAsync(CypherStatement statement, Dictionary<string, object?> parameters, CancellationToken cancellationToken)
    {
        var deleted = false;
        await client.InTransactionAsync(async (transaction, token) =>
        {
            var result = await transaction.RunAsync(statement, parameters, token);
            deleted = result.Scalar("deleted")?.GetInt64() > 0;
            if (deleted) await RenewChangeStampAsync(transaction, token);
        }, cancellationToken);
        return deleted;
    }

    /// <summary>The stamp one up with the write, so every service watching the store notices it (graph/queries/renew-change-stamp.cypher).</summary>
    static Task RenewChangeStampAsync(Neo4jTransaction transaction, CancellationToken cancellationToken) =>
        transaction.RunAsync(CypherCatalog.Get("renew-change-stamp"), NewChangeStamp(), cancellationToken);

    // Half the range, so counting up never overflows.
    static Dictionary<string, object?> NewChangeStamp() => Parameters(("start", Random.Shared.NextInt64(long.MaxValue / 2)));
}
