using System.Text;
using ChainGraph.Formats.Csv;
using ChainGraph.Formats.Places;
using ChainGraph.Model;
using ChainGraph.Model.Regions;
using ChainGraph.Testing;
using Xunit.Abstractions;

namespace ChainGraph.Formats.Tests.Fuzzing;

/// <summary>
/// Fuzzes the places reader: known-good rows placing enterprises good-… (which the store holds,
/// as it holds bad-…) sit between mutated copies of rows placing bad-….
/// </summary>
public sealed class PlacesFuzzTests(ITestOutputHelper output) : IDisposable
{
    const int Cases = 8;
    const int Rows = 5_000;
    const int MutatedPerGood = 3;
    const string Header = "id,province,city,county,source";

    // The cells a row gives and the place the reader must make of them: full names, and the region it links to (the county when given).
    static readonly (string Province, string City, string County, string ProvinceName, string? CityName, string? CountyName, string RegionCode)[] Places =
    [
        ("江苏", "常州", "溧阳", "江苏省", "常州市", "溧阳市", "320481"),
        ("", "常州市", "", "江苏省", "常州市", null, "320400"),
        ("广东省", "深圳", "", "广东省", "深圳市", null, "440300"),
        ("北京", "", "", "北京市", "北京市", null, "110000"),
        ("", "", "武进区", "江苏省", "常州市", "武进区", "320412"),
        ("浙江", "", "", "浙江省", null, null, "330000"),
        ("上海", "上海", "浦东新区", "上海市", "上海市", "浦东新区", "310115"),
    ];

    static readonly Dictionary<string, NodeLabel> Stored = Enumerable.Range(0, Rows * (MutatedPerGood + 1))
        .SelectMany(n => new[] { $"good-{n}", $"bad-{n}" }).ToDictionary(id => id, _ => NodeLabel.Enterprise);

    static readonly Dictionary<string, object> NoProperties = [];

    readonly TempDirectory folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void Read_MutatedLinesAmongGoodRows_NeverThrowKeepEveryGoodRowAndAreRejectedByFileAndLine()
    {
        Fuzz.RunCases(output, folder.Path, new PlacesReader(), Cases, firstSeed: 6001, FuzzSyntax.Csv, WriteCase, Stored);
    }

    static (List<FuzzFile> Files, GoodRows Good) WriteCase(string path, LineMutator mutator)
    {
        var random = mutator.Random;
        var good = new GoodRows();
        var file = new FuzzFile("places.csv", LineBreaks.Any, random);
        file.Good(Encoding.UTF8.GetBytes(Header));
        var goodRows = Enumerable.Range(0, Rows).Select(n => Row("good", n, random)).ToList();
        var badRows = Enumerable.Range(0, Rows * MutatedPerGood).Select(n => Row("bad", n, random)).ToList();
        FuzzFile.Interleave(() => file, 50, goodRows, badRows, mutator, good, random);
        file.Write(path);
        return ([file], good);
    }

    static (byte[] Bytes, RowExpectation Expect) Row(string prefix, int n, Random random)
    {
        var id = $"{prefix}-{n}";
        var place = random.Pick(Places);
        var note = random.Next(3) == 0 ? "" : Fuzz.Awkward(random, n).Trim();
        var bytes = Encoding.UTF8.GetBytes(CsvText.Line([id, place.Province, place.City, place.County, note]));
        return (bytes, (good, file, row) =>
        {
            var properties = new Dictionary<string, object> { ["province"] = place.ProvinceName, ["placeSource"] = "file" };
            if (place.CityName is { } city) properties["city"] = city;
            if (place.CountyName is { } county) properties["county"] = county;
            if (note.Length > 0) properties["placeNote"] = note;
            good.Node(id, NodeLabel.Enterprise, properties, file, row);
            var region = ChinaGazetteer.Instance.ByCode(place.RegionCode)!;
            good.Relationship(RelType.LocatedIn, id, region.RegionId, NoProperties, file, row);
            ExpectRegion(good, region, file, row);
            // county → city → province, each region linked to the one above it once.
            for (var below = region; below.Level != DivisionLevel.Province;)
            {
                var above = below.Level == DivisionLevel.County && below.CityCode != below.ProvinceCode
                    ? ChinaGazetteer.Instance.ByCode(below.CityCode!)! : ChinaGazetteer.Instance.ByCode(below.ProvinceCode)!;
                ExpectRegion(good, above, file, row);
                if (!good.HasRelationship(RelType.LocatedIn, below.RegionId, above.RegionId))
                    good.Relationship(RelType.LocatedIn, below.RegionId, above.RegionId, NoProperties, file, row);
                below = above;
            }
        });
    }

    static void ExpectRegion(GoodRows good, AdminDivision division, FuzzFile file, int row)
    {
        if (good.HasNode(division.RegionId)) return;
        good.Node(division.RegionId, NodeLabel.Region, new Dictionary<string, object>
        {
            ["name"] = division.Name, ["shortName"] = division.ShortName, ["code"] = division.Code,
            ["level"] = division.Level.ToString().ToLowerInvariant(),
        }, file, row);
    }
}
