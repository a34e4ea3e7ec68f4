using System.Globalization;
using System.Text;
using ChainGraph.Analysis.ChainGaps;
using ChainGraph.Model.Text;

namespace ChainGraph.Application.Presentation.Report;

/// <summary>The words and colours the xlsx and html renderings of a <see cref="Reports.ChainReport"/> share.</summary>
public static class ReportText
{
    /// <summary>The stages in map order, with their Chinese names.</summary>
    public static readonly IReadOnlyList<(string Stage, string Name)> Stages = [("upstream", "上游"), ("midstream", "中游"), ("downstream", "下游")];

    /// <summary>The report is in Chinese.</summary>
    public static string Status(GapStatus status) => GapStatusText.Of(status).In(Language.Zh);

    /// <summary>The strong colour of a status (map boxes, legend), as #RRGGBB.</summary>
    public static string Colour(GapStatus status) => status switch
    {
        GapStatus.Missing => "#C62828",
        GapStatus.Weak => "#EF6C00",
        GapStatus.Present => "#1565C0",
        _ => "#2E7D32",
    };

    /// <summary>The light colour of a status (table cells), as #RRGGBB.</summary>
    public static string Tint(GapStatus status) => status switch
    {
        GapStatus.Missing => "#FFCDD2",
        GapStatus.Weak => "#FFE0B2",
        GapStatus.Present => "#BBDEFB",
        _ => "#C8E6C9",
    };

    public static string Stage(string stage) => Stages.FirstOrDefault(s => s.Stage == stage).Name ?? stage;

    /// <summary>The stages of <paramref name="stages"/> in map order: the three known ones first, any other after them.</summary>
    public static IReadOnlyList<string> Columns(IEnumerable<string> stages)
    {
        var present = stages.Distinct().ToList();
        return [.. Stages.Select(s => s.Stage).Where(present.Contains), .. present.Where(s => Stages.All(k => k.Stage != s))];
    }

    public static string Number(double value, string format = "0.##") => value.ToString(format, CultureInfo.InvariantCulture);

    public static string Percent(double? share) => share is { } s ? (s * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%" : "未知";

    public static string List(IEnumerable<string> items) => string.Join("、", items);

    /// <summary>Without the control characters XML cannot carry (tab and line breaks stay), so no name can break a file.</summary>
    public static string Clean(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        if (!value.Any(c => char.IsControl(c) && c is not ('\t' or '\n' or '\r') || char.IsSurrogate(c))) return value;
        var clean = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1])) clean.Append(c).Append(value[++i]);
            else if (!char.IsSurrogate(c) && (!char.IsControl(c) || c is '\t' or '\n' or '\r')) clean.Append(c);
        }
        return clean.ToString();
    }

    /// <summary>The same in ASCII, for clients that cannot read a UTF-8 file name: lithium-battery-320400-report-2026-12-02.xlsx.</summary>
    public static string AsciiFileName(Reports.ChainReport report, DateOnly date, string extension)
    {
        ArgumentNullException.ThrowIfNull(report);
        var name = $"{report.ChainId}-{report.RegionCode ?? "region"}-report-{date:yyyy-MM-dd}";
        return new string([.. name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_')]) + "." + extension;
    }

    /// <summary>A file name for the report: 锂电池-常州-招商报告-2026-12-02.xlsx, without characters a file system refuses.</summary>
    public static string FileName(Reports.ChainReport report, DateOnly date, string extension)
    {
        ArgumentNullException.ThrowIfNull(report);
        var name = $"{report.ChainName}-{report.Region}-招商报告-{date:yyyy-MM-dd}";
        var invalid = Path.GetInvalidFileNameChars().Concat(['\\', '/', ':', '*', '?', '"', '<', '>', '|']).ToHashSet();
        return new string([.. name.Select(c => invalid.Contains(c) || char.IsControl(c) ? '_' : c)]) + "." + extension;
    }
}
