using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Veo.Client;

namespace Veo.Benchmarks;

/// <summary>
/// Part 1 at the client level: N tasks created and waited for at once (VeoClient.CreateAsync then WaitAsync, each
/// task on its own) against one task alone, on the simulator with 2.7 s of generation. Wall time runs from the
/// first create to the last task seen finished, so the cost of creating N tasks counts too.
/// </summary>
internal static class ConcurrencyBench
{
    public static async Task RunAsync(BenchOptions options, Report report)
    {
        int count = options.Quick ? 50 : 200;
        // Not a whole number of seconds: the simulator's eta is rounded up to whole seconds and the first poll comes
        // 1 s after the create, so with exactly 3.000 s a millisecond of timer jitter decides between polls at
        // 1.0/2.2/3.2 s and 1.0/2.8/3.8 s, for one task and two hundred alike, and drowns what is measured here.
        int generationMs = options.Quick ? 1500 : 2700;
        int rounds = options.Rounds ?? (options.Quick ? 1 : 5);

        await using SimulatorProcess sim = await SimulatorProcess.StartAsync(options.SimulatorDll, queuedMs: 0, processingMs: 0);
        var client = new VeoClient();
        VeoConnection connection = VeoConnections.Create(VeoProvider.HighwayApi, sim.BaseUri, ApiKey.FromPlainText(SimulatorProcess.ApiKey, "benchmark"));
        PreparedCreate prepared = client.Prepare(connection, Requests.FirstFrameFromUrl());

        // Warm up: JIT, and a few pooled connections, on instant tasks.
        await RunOnceAsync(client, prepared, 10);
        await sim.SetTimingsAsync(0, generationMs);

        var one = new List<Run>();
        var many = new List<Run>();
        for (int round = 0; round < rounds; round++)
        {
            one.Add(await RunOnceAsync(client, prepared, 1));
            many.Add(await RunOnceAsync(client, prepared, count));
            Console.WriteLine($"   round {round + 1}: 1 task {Stat.Seconds(one[^1].Total)}, {count} tasks {Stat.Seconds(many[^1].Total)} " +
                              $"(created within {Stat.Seconds(many[^1].CreateSpan)}, {many[^1].Polls} status requests)");
        }

        double single = Stat.Median(one.Select(r => r.Total));
        double all = Stat.Median(many.Select(r => r.Total));
        double ratio = all / single;
        bool pass = ratio <= 1.2;
        report.Add(new ResultRow(
            "1 Concurrency",
            $"{count} tasks (~{Stat.F(generationMs / 1000.0, "0.#")} s generation each) created and waited for at once with VeoClient.WaitAsync, vs 1 task; median of {rounds}",
            "≤ 1.20× one task",
            $"{Stat.Seconds(all)} vs {Stat.Seconds(single)} (creates spread over {Stat.Seconds(Stat.Median(many.Select(r => r.CreateSpan)))})",
            $"{Stat.Times(ratio)} one task",
            pass,
            pass ? null : $"the {count} waits took {Stat.Times(ratio)} the time of one; creates took {Stat.Seconds(Stat.Median(many.Select(r => r.CreateSpan)))} of it"));
    }

    private static async Task<Run> RunOnceAsync(VeoClient client, PreparedCreate prepared, int count)
    {
        var watch = Stopwatch.StartNew();
        var createdAt = new double[count];
        int polls = 0;
        VeoTask[] finished = await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
        {
            VeoTask task = await client.CreateAsync(prepared, CancellationToken.None);
            createdAt[i] = watch.Elapsed.TotalSeconds;
            return await client.WaitAsync(task, TimeSpan.FromMinutes(5), _ => Interlocked.Increment(ref polls), CancellationToken.None);
        }));
        double total = watch.Elapsed.TotalSeconds;
        if (finished.Any(t => t.Status != VeoTaskStatus.Succeeded))
        {
            throw new InvalidOperationException("A task did not succeed.");
        }

        return new Run(total, createdAt.Max(), polls);
    }

    private sealed record Run(double Total, double CreateSpan, int Polls);
}

/// <summary>The requests the parts send.</summary>
internal static class Requests
{
    /// <summary>A HighwayAPI Fast image-to-video request whose image is a URL (passed through, nothing to read).</summary>
    public static VideoRequest FirstFrameFromUrl() => new()
    {
        Mode = VeoMode.FirstFrame,
        Tier = VeoTier.Fast,
        Prompt = "A paper boat drifts down a rainy street (benchmark)",
        Image = ImageInput.FromUrl(new Uri("https://example.com/first-frame.png")),
        DurationSeconds = 8,
    };

    /// <summary>A Fast image-to-video request with a local image.</summary>
    public static VideoRequest FirstFrameFromFile(string path) => FirstFrameFromUrl() with { Image = ImageInput.FromFile(path) };

    /// <summary>A Fast reference-to-video request with local reference images.</summary>
    public static VideoRequest ReferenceFromFiles(IEnumerable<string> paths) => FirstFrameFromUrl() with
    {
        Mode = VeoMode.Reference,
        Image = null,
        ReferenceImages = paths.Select(ImageInput.FromFile).ToArray(),
    };
}
