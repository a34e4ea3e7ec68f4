using ChainGraph.Model;
using ChainGraph.Model.Snapshot;

namespace ChainGraph.Analysis.Concentration;

// Herfindahl–Hirschman index; "concentrated" follows the European Commission's 2021
// strategic-dependency screen (SWD(2021) 352: HHI above 0.4).

/// <summary>
/// How concentrated the supply of a product (or a set of products) is: its makers, their HHI
/// (by MAKES volume when every maker has one, else equal shares), and with the same shares the
/// part made abroad (country not CN) and the part held by the top province. O(makers) per product.
/// </summary>
public static class SupplierConcentration
{
    public static ConcentrationFigures OfProduct(GraphSnapshot snapshot, int product)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var makes = snapshot.In(RelType.Makes);
        return Measure(snapshot, makes.Neighbours(product), makes.WeightsOf(product));
    }

    /// <summary>HHI of the given makers with these volumes (NaN = unknown, which means equal shares for all).</summary>
    public static ConcentrationFigures Measure(GraphSnapshot snapshot, ReadOnlySpan<int> makers, ReadOnlySpan<float> volumes)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (makers.IsEmpty) return ConcentrationFigures.None;
        var byVolume = true;
        double total = 0;
        foreach (var v in volumes)
        {
            if (!(v > 0)) byVolume = false;
            total += v;
        }
        Span<double> shares = makers.Length <= 128 ? stackalloc double[makers.Length] : new double[makers.Length];
        double hhi = 0, foreign = 0;
        for (var i = 0; i < makers.Length; i++)
        {
            var share = shares[i] = byVolume ? volumes[i] / total : 1.0 / makers.Length;
            hhi += share * share;
            if (snapshot.Countries[makers[i]] is { } country && country != "CN") foreign += share;
        }
        var (topProvince, topShare) = TopProvince(snapshot, makers, shares);
        return new ConcentrationFigures(makers.Length, hhi, foreign, topProvince, topShare, byVolume);
    }

    /// <summary>The province with the largest share; ties go to the first name in ordinal order. O(m²) for the usual few makers, O(m) past that.</summary>
    static (string? Province, double Share) TopProvince(GraphSnapshot snapshot, ReadOnlySpan<int> makers, ReadOnlySpan<double> shares)
    {
        var best = (Province: (string?)null, Share: 0.0);
        if (makers.Length > 32)
        {
            var sums = new Dictionary<string, double>(StringComparer.Ordinal);
            for (var i = 0; i < makers.Length; i++)
                if (snapshot.Provinces[makers[i]] is { } p) sums[p] = sums.GetValueOrDefault(p) + shares[i];
            foreach (var (p, sum) in sums) best = Better(best, p, sum);
            return best;
        }
        for (var i = 0; i < makers.Length; i++)
        {
            if (snapshot.Provinces[makers[i]] is not { } province) continue;
            var seen = false;
            for (var j = 0; j < i && !seen; j++) seen = snapshot.Provinces[makers[j]] == province;
            if (seen) continue;
            double sum = 0;
            for (var j = i; j < makers.Length; j++) if (snapshot.Provinces[makers[j]] == province) sum += shares[j];
            best = Better(best, province, sum);
        }
        return best;
    }

    static (string?, double) Better((string? Province, double Share) best, string province, double sum) =>
        sum > best.Share || (sum == best.Share && string.CompareOrdinal(province, best.Province) < 0) ? (province, sum) : best;
}

/// <summary>
/// Supply concentration figures. <see cref="Hhi"/> runs from 1/Makers (even) to 1 (one maker);
/// <see cref="ForeignShare"/> and <see cref="TopProvinceShare"/> are shares of supply, 0..1.
/// </summary>
/// <param name="TopProvince">The province holding the largest share, null when no maker's province is known.</param>
/// <param name="ByVolume">True when shares came from volumes, false when they were taken as equal.</param>
public readonly record struct ConcentrationFigures(int Makers, double Hhi, double ForeignShare, string? TopProvince, double TopProvinceShare, bool ByVolume)
{
    public static ConcentrationFigures None => default;
}
