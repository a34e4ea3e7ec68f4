using ChainGraph.Model.Import;

namespace ChainGraph.Model.Snapshot;

/// <summary>
/// Makes the next version of a snapshot from the writes committed after it, in time proportional
/// to what they touch: each changes the rows and adjacency blocks of its own nodes, and the new
/// version shares every other chunk with the old one, which stays as it was for whoever reads it.
/// The result equals what a store holding the same writes loads, except that a deleted node's
/// place is taken by the last node rather than by shifting every node after it.
/// </summary>
public sealed class SnapshotEditor
{
    readonly GraphSnapshot before;
    readonly NodeColumns.Editor rows;
    readonly CsrAdjacency.Editor[] outgoing;
    readonly CsrAdjacency.Editor[] incoming;
    readonly Dictionary<string, int?> moves = new(StringComparer.Ordinal);

    public SnapshotEditor(GraphSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        before = snapshot;
        rows = snapshot.Columns.Edit();
        outgoing = Array.ConvertAll(snapshot.Outgoing, a => a.Edit());
        incoming = Array.ConvertAll(snapshot.Incoming, a => a.Edit());
    }

    /// <summary>Applies a committed import plan as the store applied it: removals first, then nodes, then relationships; properties merge.</summary>
    /// <exception cref="InvalidOperationException">A relationship names a node neither the snapshot nor the plan has: the snapshot does not hold what the store held.</exception>
    public void Apply(ImportPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        foreach (var removal in plan.RemovedProperties)
        {
            if (!TryGetIndex(removal.Id, out var v)) continue;
            var row = rows.Row(v);
            var cleared = NodeRow.Read(row.Id, row.Label, row.Name, _ => null, Same);
            rows.Set(v, row.Merge(cleared, removal.Keys.Contains));
        }
        foreach (var key in plan.RemovedRelationships) RemoveRelationship(key);
        foreach (var node in plan.Nodes) Upsert(node);
        foreach (var rel in plan.Relationships)
        {
            var (start, end) = (Existing(rel.StartId), Existing(rel.EndId));
            float? weight = SnapshotColumns.WeightProperty(rel.Type) is { } key && rel.Properties.TryGetValue(key, out var value)
                ? SnapshotColumns.Weight(value)
                : null;
            outgoing[(int)rel.Type].Set(start, end, weight);
            incoming[(int)rel.Type].Set(end, start, weight);
        }
    }

    public void RemoveRelationship(RelationshipKey key)
    {
        if (!TryGetIndex(key.StartId, out var start) || !TryGetIndex(key.EndId, out var end)) return;
        outgoing[(int)key.Type].Remove(start, end);
        incoming[(int)key.Type].Remove(end, start);
    }

    /// <summary>Removes a node and its relationships; the last node moves into its place, so only their neighbours change.</summary>
    public void RemoveNode(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (!TryGetIndex(id, out var gone)) return;
        foreach (var type in GraphSchema.RelTypes)
        {
            var (outs, ins) = (outgoing[(int)type], incoming[(int)type]);
            foreach (var (n, _) in outs.Of(gone)) ins.Remove(n, gone);
            foreach (var (n, _) in ins.Of(gone)) outs.Remove(n, gone);
            outs.Of(gone).Clear();
            ins.Of(gone).Clear();
        }
        var last = rows.Count - 1;
        if (gone != last)
        {
            var moved = rows.Row(last);
            rows.Set(gone, moved);
            foreach (var type in GraphSchema.RelTypes)
            {
                Move(outgoing[(int)type], incoming[(int)type], last, gone);
                Move(incoming[(int)type], outgoing[(int)type], last, gone);
            }
            moves[moved.Id] = gone;
        }
        rows.RemoveLast();
        moves[id] = null;
    }

    /// <summary>The next version, carrying <paramref name="changeStamp"/>.</summary>
    public GraphSnapshot Build(long? changeStamp)
    {
        var columns = rows.Build();
        foreach (var adjacency in outgoing.Concat(incoming)) adjacency.Grow(columns.Ids.Count);
        return new GraphSnapshot(columns, before.Index.With(moves, columns.Ids), Array.ConvertAll(outgoing, a => a.Build()),
            Array.ConvertAll(incoming, a => a.Build())) { ChangeStamp = changeStamp };
    }

    void Upsert(GraphNode node)
    {
        Func<string, object?> property = key => node.Properties.GetValueOrDefault(key);
        if (TryGetIndex(node.Id, out var v))
        {
            // The stored label and, when the write names none, the stored name stay.
            var row = rows.Row(v);
            var written = NodeRow.Read(row.Id, row.Label, node.GetString("name") ?? row.Name, property, Same);
            rows.Set(v, row.Merge(written, node.Properties.ContainsKey));
            return;
        }
        moves[node.Id] = rows.Add(NodeRow.Read(node.Id, node.Label, node.Name, property, Same));
    }

    /// <summary>
    /// Moves node <paramref name="from"/>'s lists in one direction to <paramref name="to"/>, and
    /// renames it in its neighbours' lists of the other direction, each kept in node order.
    /// </summary>
    static void Move(CsrAdjacency.Editor these, CsrAdjacency.Editor opposite, int from, int to)
    {
        var list = these.Of(from);
        foreach (var (n, weight) in list.ToArray())
        {
            if (n == from) continue;
            opposite.Remove(n, from);
            opposite.Set(n, to, weight);
        }
        var renamed = list.Select(e => (e.Node == from ? to : e.Node, e.Weight)).ToList();
        list.Clear();
        foreach (var (n, weight) in renamed) these.Set(to, n, weight);
    }

    bool TryGetIndex(string id, out int node)
    {
        if (moves.TryGetValue(id, out var moved))
        {
            node = moved ?? -1;
            return moved is not null;
        }
        return before.TryGetIndex(id, out node);
    }

    int Existing(string id) => TryGetIndex(id, out var node) ? node
        : throw new InvalidOperationException($"Node '{id}' is neither in the snapshot nor written before its relationship.");

    static string? Same(string? value) => value;
}
