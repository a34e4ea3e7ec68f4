using System.Globalization;
using ChainGraph.Model;
using ChainGraph.Model.Import;
using ChainGraph.Storage.Import;
using ChainGraph.Storage.Sqlite;

// A burst of small atomic writes for the durability tests, which kill this process with SIGKILL at
// random moments and then check the store.
//
//   ChainGraph.Durability.Harness DB COUNT [LEAVES]
//
// Continues after the last committed write i0 (the counter node's n, 0 in a new store) and for
// i = i0+1 .. i0+COUNT writes one batch through GraphImporter, the path every import and API edit
// takes. The batch is correct only when applied whole:
//   node w-i (Product, n = i), LEAVES nodes w-i-k each INPUT_TO w-i, w-(i-1) INPUT_TO w-i,
//   and n = i on the shared node "counter".
// "ack i" goes to stdout only after write i has committed; "start i0" before the first write.

if (args.Length is < 2 or > 3 || !long.TryParse(args[1], CultureInfo.InvariantCulture, out var count)
    || !int.TryParse(args.ElementAtOrDefault(2) ?? "4", CultureInfo.InvariantCulture, out var leaves) || count < 0 || leaves < 0)
{
    Console.Error.WriteLine("usage: ChainGraph.Durability.Harness DB COUNT [LEAVES]");
    return 2;
}

const string Counter = "counter";
await using var store = new SqliteGraphStore(args[0]);
await store.InitializeAsync();
var importer = new GraphImporter(store);
var last = await store.GetNodeAsync(Counter) is { } counter ? Convert.ToInt64(counter.Properties["n"], CultureInfo.InvariantCulture) : 0;
Console.Out.WriteLine($"start {last}");

for (var i = last + 1; i <= last + count; i++)
{
    var batch = new GraphBatch();
    var at = new SourceLocation("harness", i);
    var node = $"w-{i}";
    batch.AddNode(node, NodeLabel.Product, new() { ["name"] = $"写入{i}", ["n"] = i }, at);
    for (var k = 0; k < leaves; k++)
    {
        batch.AddNode($"{node}-{k}", NodeLabel.Product, new() { ["name"] = $"{node}-{k}" }, at);
        batch.AddRelationship(RelType.InputTo, new($"{node}-{k}"), new(node), [], at);
    }
    if (i > 1) batch.AddRelationship(RelType.InputTo, new($"w-{i - 1}"), new(node), [], at);
    batch.AddNode(Counter, NodeLabel.Product, new() { ["name"] = "计数器", ["n"] = i }, at);

    var summary = await importer.ImportAsync(batch);
    if (summary.Rejected.Count > 0)
    {
        Console.Error.WriteLine($"write {i} rejected: {summary.Rejected[0].Reason}");
        return 1;
    }
    Console.Out.WriteLine($"ack {i}"); // Console.Out flushes every line.
}
return 0;
