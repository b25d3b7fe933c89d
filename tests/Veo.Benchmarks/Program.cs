using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;

namespace Veo.Benchmarks;

/// <summary>
/// The performance benchmark of the client library: concurrency of waits, the poll schedule, downloads and
/// uploads, each measured side by side with its baseline in the same run. Prints a Markdown table and writes it
/// to --out. The cmdlet-level parts (Wait-VeoTask, Import-Module) are in Bench.ps1.
/// </summary>
internal static class Program
{
    private const string Usage =
        "usage: Veo.Benchmarks [--out FILE] [--only PART[,PART]] [--quick] [--rounds N] [--simulator Veo.Simulator.dll]\n" +
        "  PART: concurrency, polling, downloads, uploads (default: all)\n" +
        "  --quick      smaller sizes and fewer rounds: a smoke run, not a measurement to record\n" +
        "  --rounds N   rounds of each side-by-side measurement (default 5; uploads time 2N+1 runs, default 7)\n" +
        "  --simulator  the simulator to run out of process (default: the Veo.Simulator.dll beside this program)";

    private static readonly (string Name, Func<BenchOptions, Report, Task> Run)[] Parts =
    {
        ("concurrency", ConcurrencyBench.RunAsync),
        ("polling", PollingBench.RunAsync),
        ("downloads", DownloadBench.RunAsync),
        ("uploads", UploadBench.RunAsync),
    };

    private static async Task<int> Main(string[] args)
    {
        BenchOptions options;
        try
        {
            options = BenchOptions.Parse(args, Parts.Select(p => p.Name).ToArray());
        }
        catch (ArgumentException e)
        {
            await Console.Error.WriteLineAsync(e.Message + "\n" + Usage);
            return 2;
        }

        if (options.ChildKind is string kind)
        {
            return await ChildMeasurements.RunAsync(kind, options.ChildArguments);
        }

        if (!File.Exists(options.SimulatorDll))
        {
            await Console.Error.WriteLineAsync($"The simulator was not found at '{options.SimulatorDll}'. Build tests/Veo.Simulator or pass --simulator.");
            return 2;
        }

        Console.WriteLine($"Veo client benchmark{(options.Quick ? " (quick: smaller sizes, a smoke run)" : string.Empty)}: " +
                          $"{Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}");
        var report = new Report();
        int status = 0;
        var total = Stopwatch.StartNew();
        foreach ((string name, Func<BenchOptions, Report, Task> run) in Parts.Where(p => options.Only.Contains(p.Name)))
        {
            Console.WriteLine($"## {name}");
            var watch = Stopwatch.StartNew();
            try
            {
                await run(options, report);
            }
            catch (Exception ex)
            {
                report.Add(new ResultRow(name, "the part itself", "runs to the end", "failed", "—", false, ex.GetType().Name + ": " + ex.Message));
                await Console.Error.WriteLineAsync(ex.ToString());
                status = 1;
            }

            Console.WriteLine($"   ({name} took {Stat.F(watch.Elapsed.TotalSeconds, "0")} s)");
        }

        string markdown = report.ToMarkdown();
        Console.WriteLine();
        Console.WriteLine(markdown);
        Console.WriteLine($"(all parts took {Stat.F(total.Elapsed.TotalSeconds, "0")} s)");
        if (options.OutPath is string path)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            await File.WriteAllTextAsync(path, markdown);
            Console.WriteLine($"Wrote {path}");
        }

        return status;
    }
}

/// <summary>Command-line options.</summary>
internal sealed class BenchOptions
{
    public bool Quick { get; private init; }

    public string? OutPath { get; private init; }

    /// <summary>Rounds of each side-by-side measurement; null leaves each part's default.</summary>
    public int? Rounds { get; private init; }

    public IReadOnlySet<string> Only { get; private init; } = new HashSet<string>();

    public string SimulatorDll { get; private init; } = Path.Combine(AppContext.BaseDirectory, "Veo.Simulator.dll");

    /// <summary>Set when this process is a child measurement (see <see cref="ChildProcess"/>).</summary>
    public string? ChildKind { get; private init; }

    public IReadOnlyDictionary<string, string> ChildArguments { get; private init; } = new Dictionary<string, string>();

    /// <summary>A scratch folder for downloaded videos and generated images; removed at the end of each part.</summary>
    public static string NewScratchFolder(string part)
    {
        string folder = Path.Combine(Path.GetTempPath(), $"veo-bench-{Environment.ProcessId}-{part}");
        Directory.CreateDirectory(folder);
        return folder;
    }

    public static BenchOptions Parse(IReadOnlyList<string> args, IReadOnlyCollection<string> parts)
    {
        if (args.Count >= 2 && args[0] == "--child")
        {
            var named = new Dictionary<string, string>(StringComparer.Ordinal);
            for (int i = 2; i + 1 < args.Count; i += 2)
            {
                named[args[i].TrimStart('-')] = args[i + 1];
            }

            return new BenchOptions { ChildKind = args[1], ChildArguments = named };
        }

        bool quick = false;
        string? outPath = null;
        string? simulator = null;
        int? rounds = null;
        HashSet<string> only = new(parts, StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--quick":
                    quick = true;
                    break;
                case "--out":
                    outPath = ValueOf(args, ref i);
                    break;
                case "--rounds":
                    rounds = int.TryParse(ValueOf(args, ref i), out int n) && n > 0 ? n : throw new ArgumentException("--rounds needs a positive number.");
                    break;
                case "--simulator":
                    simulator = Path.GetFullPath(ValueOf(args, ref i));
                    break;
                case "--only":
                    only = new HashSet<string>(ValueOf(args, ref i).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), StringComparer.OrdinalIgnoreCase);
                    if (only.FirstOrDefault(p => !parts.Contains(p, StringComparer.OrdinalIgnoreCase)) is string unknown)
                    {
                        throw new ArgumentException($"Unknown part '{unknown}'.");
                    }

                    break;
                default:
                    throw new ArgumentException($"Unknown argument '{args[i]}'.");
            }
        }

        var options = new BenchOptions { Quick = quick, OutPath = outPath, Only = only, Rounds = rounds };
        return simulator is null ? options : new BenchOptions { Quick = quick, OutPath = outPath, Only = only, Rounds = rounds, SimulatorDll = simulator };
    }

    private static string ValueOf(IReadOnlyList<string> args, ref int i) =>
        ++i < args.Count ? args[i] : throw new ArgumentException($"{args[i - 1]} needs a value.");
}
