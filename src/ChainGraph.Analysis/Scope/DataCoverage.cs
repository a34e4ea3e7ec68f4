using ChainGraph.Model;
using ChainGraph.Model.Snapshot;
using ChainGraph.Model.Text;

namespace ChainGraph.Analysis.Scope;

/// <summary>
/// What the data does not know, said with every answer: how many enterprises have no place or no
/// country, how many MAKES links carry no volume, and the data set's scope (listed companies only
/// when every enterprise is tagged 上市). <see cref="ForeignKnown"/> is false when the data holds
/// no maker abroad at all: then a share made abroad is unknown, not zero.
/// </summary>
public sealed record DataCoverage(
    int Enterprises, int WithoutProvince, int WithoutCity, int WithoutCountry, int Makes, int MakesWithoutVolume,
    bool ListedOnly, bool ForeignKnown, int NonProductLines)
{
    /// <summary>One line for the text output.</summary>
    public Reason Summary()
    {
        var parts = new List<Phrase> { new("企业 {0:N0} 家", "{0:N0} enterprises", Enterprises) };
        if (ListedOnly) parts.Add(new Phrase("仅上市公司", "listed companies only"));
        if (WithoutProvince > 0) parts.Add(new Phrase("{0:N0} 家地点不明", "{0:N0} without a known place", WithoutProvince));
        if (!ForeignKnown) parts.Add(new Phrase("数据中无境外企业（境外依赖未知）", "no maker abroad in the data (foreign dependence unknown)"));
        else if (WithoutCountry > 0) parts.Add(new Phrase("{0:N0} 家国别不明", "{0:N0} without a country", WithoutCountry));
        if (Makes > 0)
            parts.Add(MakesWithoutVolume == Makes ? new Phrase("无产量数据（按企业数计）", "no volumes (makers counted evenly)")
                : new Phrase("{1:N0} 条生产关系中 {0:N0} 条无产量", "{0:N0} of {1:N0} MAKES without volume", MakesWithoutVolume, Makes));
        if (NonProductLines > 0) parts.Add(new Phrase("{0:N0} 条非产品的经营范围条目未计入", "{0:N0} report lines that are not products left out", NonProductLines));
        return new Reason(parts);
    }

    internal static DataCoverage Of(GraphSnapshot snapshot, bool[] nonProduct)
    {
        int enterprises = 0, noProvince = 0, noCity = 0, noCountry = 0, listed = 0, makesTotal = 0, noVolume = 0;
        var foreign = false;
        var makes = snapshot.Out(RelType.Makes);
        for (var v = 0; v < snapshot.NodeCount; v++)
        {
            if (snapshot.Labels[v] != NodeLabel.Enterprise) continue;
            enterprises++;
            var country = snapshot.Countries[v];
            if (country is null) noCountry++;
            foreign |= country is not null && country != "CN";
            // A place is a province in China; abroad the country is the place.
            if (snapshot.Provinces[v] is null && country is null or "CN") noProvince++;
            if (snapshot.Cities[v] is null && country is null or "CN") noCity++;
            if (snapshot.Tags[v].Contains("上市")) listed++;
            foreach (var weight in makes.WeightsOf(v))
            {
                makesTotal++;
                if (!(weight > 0)) noVolume++;
            }
        }
        return new DataCoverage(enterprises, noProvince, noCity, noCountry, makesTotal, noVolume,
            enterprises > 0 && listed == enterprises, foreign, nonProduct.Count(x => x));
    }
}
