using ChainGraph.Testing;

namespace ChainGraph.Storage.Neo4j.Tests;

/// <summary>The store contract that the embedded store passes, run against a live Neo4j when one is configured.</summary>
[RequiresEnvironment("NEO4J_URL", "No Neo4j server configured: set NEO4J_URL (with NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE) " +
    "to run the store contract against one; it deletes the ChainGraph nodes of that database")]
public sealed class Neo4jGraphStoreContractTests : GraphStoreContract
{
    protected override async Task<IGraphStore> CreateStoreAsync()
    {
        var store = new Neo4jGraphStore(new Neo4jOptions
        {
            Url = Environment.GetEnvironmentVariable("NEO4J_URL")!,
            User = Variable("NEO4J_USER") ?? "neo4j",
            Password = Variable("NEO4J_PASSWORD") ?? "",
            Database = Variable("NEO4J_DATABASE") ?? "neo4j",
        });
        await store.InitializeAsync();
        await store.DeleteAllAsync();
        return store;
    }

    static string? Variable(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;
}
