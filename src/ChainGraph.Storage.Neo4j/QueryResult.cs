using System.Text.Json;

namespace ChainGraph.Storage.Neo4j;

/// <summary>
/// What the Query API answered: <c>{"data":{"fields":[...],"values":[[...]]},"bookmarks":[...]}</c>,
/// values in plain JSON (strings, numbers, booleans, lists, maps).
/// </summary>
public sealed class QueryResult
{
    internal QueryResult(IReadOnlyList<string> fields, IReadOnlyList<JsonElement[]> rows, IReadOnlyList<string> bookmarks)
    {
        Fields = fields;
        Rows = rows;
        Bookmarks = bookmarks;
    }

    public IReadOnlyList<string> Fields { get; }

    /// <summary>One array of values per record, in the order of <see cref="Fields"/>.</summary>
    public IReadOnlyList<JsonElement[]> Rows { get; }

    /// <summary>The bookmarks of the transaction this ran in; empty when the server sent none.</summary>
    public IReadOnlyList<string> Bookmarks { get; }

    /// <summary>The position of a field; a statement that does not return it is a bug, reported as such.</summary>
    public int IndexOf(string field)
    {
        for (var i = 0; i < Fields.Count; i++)
            if (Fields[i] == field) return i;
        throw new GraphStoreException($"The statement returned no field '{field}' (fields: {string.Join(", ", Fields)}).", Neo4jErrorCodes.UnexpectedResponse, isTransient: false);
    }

    /// <summary>The single value of <paramref name="field"/> in the first record, or null when there is none.</summary>
    public JsonElement? Scalar(string field)
    {
        var index = IndexOf(field);
        return Rows.Count > 0 ? Rows[0][index] : null;
    }
}
