using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace Veo.Benchmarks;

/// <summary>One line of the results table. <see cref="Pass"/> null means the line informs and has no target.</summary>
internal sealed record ResultRow(string Part, string Measure, string Target, string Measured, string Ratio, bool? Pass, string? Reason = null)
{
    public string Verdict => Pass switch
    {
        true => "PASS",
        false => "MISS" + (Reason is null ? string.Empty : ": " + Reason),
        null => "info" + (Reason is null ? string.Empty : ": " + Reason),
    };
}

/// <summary>The table every part adds to, plus detail sections (e.g. the poll schedule trade-off), as Markdown.</summary>
internal sealed class Report
{
    public const string TableHeader = "| Part | Measure | Target | Measured | Ratio | Verdict |";
    public const string TableRule = "|---|---|---|---|---|---|";

    private readonly List<ResultRow> _rows = new();
    private readonly List<(string Title, string Body)> _sections = new();

    public IReadOnlyList<ResultRow> Rows => _rows;

    public void Add(ResultRow row)
    {
        _rows.Add(row);
        Console.WriteLine($"  {row.Measure}: {row.Measured} ({row.Ratio}) -> {row.Verdict}");
    }

    public void AddSection(string title, string markdown) => _sections.Add((title, markdown));

    /// <summary>The results table, then each section under a level-3 heading.</summary>
    public string ToMarkdown()
    {
        var text = new StringBuilder();
        text.AppendLine(TableHeader).AppendLine(TableRule);
        foreach (ResultRow row in _rows)
        {
            text.AppendLine(Line(row.Part, row.Measure, row.Target, row.Measured, row.Ratio, row.Verdict));
        }

        foreach ((string title, string body) in _sections)
        {
            text.AppendLine().Append("### ").AppendLine(title).AppendLine().AppendLine(body.TrimEnd());
        }

        return text.ToString();
    }

    public static string Line(params string[] cells) => "| " + string.Join(" | ", cells.Select(c => c.Replace("|", "\\|", StringComparison.Ordinal))) + " |";
}

/// <summary>Formatting and statistics shared by the parts.</summary>
internal static class Stat
{
    public const double MiB = 1024 * 1024;

    public static double Median(IEnumerable<double> values) => Percentile(values, 50);

    /// <summary>Nearest-rank percentile.</summary>
    public static double Percentile(IEnumerable<double> values, double percent)
    {
        double[] sorted = values.OrderBy(v => v).ToArray();
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        int rank = (int)Math.Ceiling(percent / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    public static string F(double value, string format = "0.00") => value.ToString(format, CultureInfo.InvariantCulture);

    public static string Seconds(double seconds) => seconds switch
    {
        < 0.1 => $"{F(seconds * 1000, "0.0")} ms",
        < 1 => $"{F(seconds * 1000, "0")} ms",
        _ => $"{F(seconds)} s",
    };

    public static string Mebibytes(double bytes) => $"{F(bytes / MiB, "0.0")} MiB";

    public static string Times(double ratio) => $"{F(ratio)}×";
}
