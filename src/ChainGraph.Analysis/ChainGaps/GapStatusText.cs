using ChainGraph.Model.Text;

namespace ChainGraph.Analysis.ChainGaps;

/// <summary>A segment status as people read it: 缺失 missing, 薄弱 weak, 具备 present, 优势 strong.</summary>
public static class GapStatusText
{
    static readonly Phrase[] Words = [new("缺失", "missing"), new("薄弱", "weak"), new("具备", "present"), new("优势", "strong")];

    public static Phrase Of(GapStatus status) => Words[(int)status];
}
