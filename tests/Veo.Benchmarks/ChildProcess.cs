using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;

namespace Veo.Benchmarks;

/// <summary>What a child measurement reports on its last line, after "RESULT ".</summary>
internal sealed record ChildResult(
    double Seconds,
    long Bytes,
    long BaselineWorkingSet,
    long WorkingSetGrowth,
    long ManagedGrowth,
    long AllocatedBytes);

/// <summary>
/// Runs one memory measurement in a fresh process (this program with --child), so that memory an earlier
/// measurement left committed or resident cannot hide the growth of the next one.
/// </summary>
internal static class ChildProcess
{
    public const string ResultPrefix = "RESULT ";

    public static async Task<ChildResult> RunAsync(string kind, IReadOnlyDictionary<string, string> arguments)
    {
        string host = Environment.ProcessPath ?? "dotnet";
        var start = new ProcessStartInfo(host) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(host).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            start.ArgumentList.Add(typeof(ChildProcess).Assembly.Location);
        }

        start.ArgumentList.Add("--child");
        start.ArgumentList.Add(kind);
        foreach ((string name, string value) in arguments)
        {
            start.ArgumentList.Add("--" + name);
            start.ArgumentList.Add(value);
        }

        using Process process = Process.Start(start) ?? throw new InvalidOperationException($"{host} did not start.");
        Task<string> error = process.StandardError.ReadToEndAsync();
        string output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        string? line = output.Split('\n').LastOrDefault(l => l.StartsWith(ResultPrefix, StringComparison.Ordinal));
        if (process.ExitCode != 0 || line is null)
        {
            throw new InvalidOperationException($"The child measurement '{kind}' failed (exit {process.ExitCode}): {output}{await error}");
        }

        return JsonSerializer.Deserialize<ChildResult>(line[ResultPrefix.Length..])!;
    }

    public static void Report(ChildResult result) => Console.WriteLine(ResultPrefix + JsonSerializer.Serialize(result));
}
