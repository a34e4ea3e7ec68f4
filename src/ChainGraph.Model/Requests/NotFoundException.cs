using ChainGraph.Model.Text;

namespace ChainGraph.Model.Requests;

/// <summary>
/// A request names something the graph does not hold (a node, chain, region or group). The
/// command line exits 2 with it; the service answers 404, in the reader's language.
/// </summary>
public sealed class NotFoundException(string field, string value, Phrase why) : Exception(why?.In(Language.En))
{
    /// <summary>A reason worded once for both languages.</summary>
    public NotFoundException(string field, string value, string why) : this(field, value, Phrase.Verbatim(why))
    {
    }

    /// <summary>No node has <paramref name="id"/>.</summary>
    public static NotFoundException Node(string field, string id) => new(field, id, new Phrase("没有编号为「{0}」的节点。", "No node with id '{0}'.", id));

    /// <summary>The node is not what the request needs: "「隔膜」是产品，不是企业。" / "'隔膜' is a Product, not an enterprise."</summary>
    /// <param name="wanted">What it should be, in both languages: 企业 / an enterprise.</param>
    public static NotFoundException NotA(string field, string id, NodeLabel label, Phrase wanted) =>
        new(field, id, new Phrase("「{0}」是{1}，不是{2}。", "'{0}' is a {1}, not {2}.", id, GraphSchema.Said(label), wanted));

    /// <summary>The parameter that named it, as the API calls it.</summary>
    public string Field { get; } = field;

    public string Value { get; } = value;

    public Phrase Why { get; } = why ?? throw new ArgumentNullException(nameof(why));

    public string In(Language language) => Why.In(language);
}
