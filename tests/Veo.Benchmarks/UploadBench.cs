using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Veo.Client;

namespace Veo.Benchmarks;

/// <summary>
/// Part 4: a 20 MiB PNG, as base64 in HighwayAPI's create body (also three of them as reference images) and as a
/// multipart file by AIHubMax's upload stage; either is read from the file as the request is sent. Also as a URL
/// that Vtrix needs as bytes: fetched to a temporary file, then streamed from it like a local file. Memory: a fresh
/// child process runs Prepare + CreateAsync against the simulator and samples its own working set and managed heap.
/// Time: the same calls in this process with a transport that consumes the request body and answers at once, so
/// only the client's own work is timed, next to a plain Convert.ToBase64String of the same bytes.
/// </summary>
internal static class UploadBench
{
    private const double TargetMemoryRatio = 0.5;
    private const double TargetTimeRatio = 1.5;

    public static async Task RunAsync(BenchOptions options, Report report)
    {
        int size = options.Quick ? 4 << 20 : (int)ImageInput.MaxBytes;
        int runs = options.Rounds is int rounds ? (2 * rounds) + 1 : options.Quick ? 3 : 7;
        string folder = BenchOptions.NewScratchFolder("uploads");
        try
        {
            string image = WritePng(Path.Combine(folder, "large.png"), size, seed: 1);
            string warmup = WritePng(Path.Combine(folder, "warmup.png"), 4096, seed: 2);
            string what = Stat.Mebibytes(size);

            string[] references = Enumerable.Range(1, 3).Select(n => WritePng(Path.Combine(folder, $"reference{n}.png"), size, seed: 10 + n)).ToArray();
            await using (SimulatorProcess sim = await SimulatorProcess.StartAsync(options.SimulatorDll, queuedMs: 0, processingMs: 0))
            {
                foreach ((VeoProvider provider, string[] files, string stage, bool byUrl) in new[]
                {
                    (VeoProvider.HighwayApi, new[] { image }, "HighwayAPI create body", false),
                    (VeoProvider.HighwayApi, references, "HighwayAPI create body with 3 reference images", false),
                    (VeoProvider.AIHubMax, new[] { image }, "AIHubMax upload stage", false),
                    (VeoProvider.Vtrix, new[] { image }, "Vtrix create body from an image URL (fetched to a temporary file)", true),
                })
                {
                    var arguments = new Dictionary<string, string>
                    {
                        ["provider"] = provider.ToString(),
                        ["base-uri"] = sim.BaseUri.AbsoluteUri,
                        ["warmup"] = warmup,
                    };
                    arguments[byUrl ? "url" : "files"] = byUrl ? (await sim.HostFileAsync(image)).AbsoluteUri : string.Join(Path.PathSeparator, files);
                    ChildResult result = await ChildProcess.RunAsync("upload", arguments);
                    long sent = (long)size * files.Length;
                    double peak = Math.Max(result.WorkingSetGrowth, result.ManagedGrowth);
                    double ratio = peak / sent;
                    string images = files.Length == 1 ? $"{what} PNG" : $"{files.Length} × {what} PNG";
                    Console.WriteLine($"   {stage}: working set +{Stat.Mebibytes(result.WorkingSetGrowth)}, managed +{Stat.Mebibytes(result.ManagedGrowth)}, {Stat.Seconds(result.Seconds)} against the simulator");
                    report.Add(new ResultRow("4 Uploads",
                        $"{stage}, {images}: peak memory growth during Prepare + CreateAsync against the simulator (fresh process; larger of working set and managed heap)",
                        $"≤ {Stat.F(TargetMemoryRatio, "0.0")}× the {(files.Length == 1 ? "file" : "files")}",
                        $"working set +{Stat.Mebibytes(result.WorkingSetGrowth)}, managed +{Stat.Mebibytes(result.ManagedGrowth)} ({Stat.Mebibytes(result.AllocatedBytes)} allocated in all)",
                        $"{Stat.Times(ratio)} the {(files.Length == 1 ? "file" : "files")}",
                        ratio <= TargetMemoryRatio,
                        ratio <= TargetMemoryRatio ? null : MemoryReason));
                    report.Add(new ResultRow("4 Uploads",
                        provider == VeoProvider.AIHubMax
                            ? $"{stage}: the same call's wall time against the simulator (includes the simulator receiving {Stat.Mebibytes(sent)} of files on the same cores)"
                            : $"{stage}: the same call's wall time against the simulator (includes the simulator {(byUrl ? $"serving the {what} image, then " : string.Empty)}parsing and checking {Stat.Mebibytes(sent * 4.0 / 3)} of JSON on the same cores)",
                        "—",
                        Stat.Seconds(result.Seconds),
                        "—",
                        null));
                }
            }

            await TimeAsync(image, size, runs, report);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The client's own time for each stage against Convert.ToBase64String, interleaved, median of <paramref name="runs"/>.</summary>
    private static async Task TimeAsync(string image, int size, int runs, Report report)
    {
        byte[] bytes = File.ReadAllBytes(image);
        using var http = new HttpClient(new NullTransport());
        var client = new VeoClient(null, null, null, http);
        PreparedCreate highway = client.Prepare(VeoConnections.Create(VeoProvider.HighwayApi, new Uri("http://highwayapi.invalid/"), Key), Requests.FirstFrameFromFile(image));
        ImageInput shared = ImageInput.FromFile(image);

        var base64 = new List<double>();
        var highwayTimes = new List<double>();
        var aiHubMaxTimes = new List<double>();
        for (int run = -2; run < runs; run++)
        {
            double plain = Time(() => GC.KeepAlive(Convert.ToBase64String(bytes)));
            double create = await TimeAsync(() => client.CreateAsync(highway, CancellationToken.None));

            // A new address each time: the client reuses an upload of the same file to the same address.
            var connection = VeoConnections.Create(VeoProvider.AIHubMax, new Uri($"http://aihubmax-{run + 2}.invalid/"), Key);
            PreparedCreate aiHubMax = client.Prepare(connection, Requests.FirstFrameFromUrl() with { Image = shared });
            double upload = await TimeAsync(() => client.CreateAsync(aiHubMax, CancellationToken.None));
            if (run >= 0)
            {
                base64.Add(plain);
                highwayTimes.Add(create);
                aiHubMaxTimes.Add(upload);
            }
        }

        double baseline = Stat.Median(base64);
        Console.WriteLine($"   Convert.ToBase64String {Stat.Seconds(baseline)}, HighwayAPI create {Stat.Seconds(Stat.Median(highwayTimes))}, AIHubMax upload + create {Stat.Seconds(Stat.Median(aiHubMaxTimes))}");
        foreach ((string stage, List<double> times, string includes) in new[]
        {
            ("HighwayAPI create body", highwayTimes, "CreateAsync: body with the base64 image, sent to a transport that reads it and answers at once"),
            ("AIHubMax upload stage", aiHubMaxTimes, "CreateAsync: the multipart upload streamed from disk, then the create body"),
        })
        {
            double ratio = Stat.Median(times) / baseline;
            report.Add(new ResultRow("4 Uploads",
                $"{stage}, {Stat.Mebibytes(size)}: client time ({includes}) vs Convert.ToBase64String of the same bytes, median of {runs}",
                $"≤ {Stat.F(TargetTimeRatio, "0.0")}× Convert.ToBase64String",
                $"{Stat.Seconds(Stat.Median(times))} vs {Stat.Seconds(baseline)}",
                $"{Stat.Times(ratio)} Convert.ToBase64String",
                ratio <= TargetTimeRatio,
                ratio <= TargetTimeRatio ? null : "building the body costs more than encoding the file once: look for a copy of the base64 text"));
        }
    }

    private static ApiKey Key => ApiKey.FromPlainText(SimulatorProcess.ApiKey, "benchmark");

    private const string MemoryReason =
        "more than the streaming buffers is held while the body is sent: look for media bytes read into memory (MediaInput.Load) or a body built in one buffer";

    private static double Time(Action action)
    {
        GC.Collect();
        var watch = Stopwatch.StartNew();
        action();
        return watch.Elapsed.TotalSeconds;
    }

    private static async Task<double> TimeAsync(Func<Task> action)
    {
        GC.Collect();
        var watch = Stopwatch.StartNew();
        await action();
        return watch.Elapsed.TotalSeconds;
    }

    /// <summary>A file that passes as a PNG (the signature) followed by incompressible bytes.</summary>
    public static string WritePng(string path, int size, int seed)
    {
        byte[] content = new byte[size];
        new Random(seed).NextBytes(content);
        new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }.CopyTo(content, 0);
        File.WriteAllBytes(path, content);
        return path;
    }

    /// <summary>Reads each request body to the end and answers at once, as HighwayAPI and AIHubMax would.</summary>
    private sealed class NullTransport : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Content is not null)
            {
                await request.Content.CopyToAsync(Stream.Null, cancellationToken);
            }

            string path = request.RequestUri!.AbsolutePath;
            string json = path.EndsWith("/files/upload/stream", StringComparison.Ordinal) ? "{\"data\":{\"url\":\"https://files.example/upload.png\"}}"
                : path.EndsWith("/videos/generations", StringComparison.Ordinal) ? "{\"id\":\"task-null\",\"status\":\"pending\"}"
                : "{\"task_id\":\"task-null\"}";
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(json, Encoding.UTF8, "application/json"), RequestMessage = request };
        }
    }
}

/// <summary>The measurements that run in a child process (see <see cref="ChildProcess"/>).</summary>
internal static class ChildMeasurements
{
    public static async Task<int> RunAsync(string kind, IReadOnlyDictionary<string, string> arguments)
    {
        var client = new VeoClient();
        Uri baseUri = new(arguments["base-uri"]);
        ApiKey key = ApiKey.FromPlainText(SimulatorProcess.ApiKey, "benchmark");
        switch (kind)
        {
            case "download":
            {
                if (arguments.TryGetValue("buffer", out string? buffer))
                {
                    client.Options.DownloadBufferSize = int.Parse(buffer, System.Globalization.CultureInfo.InvariantCulture);
                }

                VeoConnection connection = VeoConnections.Create(VeoProvider.HighwayApi, baseUri, key);
                VeoTask task = await client.GetTaskAsync(connection, arguments["task-id"], CancellationToken.None);
                string path = arguments["path"];
                long received = 0;
                ChildResult result = await MeasureAsync(
                    () => client.DownloadAsync(task, 0, path, overwrite: true, (done, _) => received = done, CancellationToken.None),
                    sampleMemory: arguments["sample-memory"] == "yes");
                ChildProcess.Report(result with { Bytes = new FileInfo(path).Length });
                return 0;
            }

            case "upload":
            {
                VeoConnection connection = VeoConnections.Create(Enum.Parse<VeoProvider>(arguments["provider"]), baseUri, key);
                string[] files = arguments.TryGetValue("files", out string? paths) ? paths.Split(Path.PathSeparator) : Array.Empty<string>();
                VideoRequest request = arguments.TryGetValue("url", out string? url)
                    ? Requests.FirstFrameFromUrl() with { Image = ImageInput.FromUrl(new Uri(url)) }
                    : files.Length == 1 ? Requests.FirstFrameFromFile(files[0]) : Requests.ReferenceFromFiles(files);
                await client.CreateAsync(client.Prepare(connection, Requests.FirstFrameFromFile(arguments["warmup"])), CancellationToken.None);
                ChildResult result = await MeasureAsync(() => client.CreateAsync(client.Prepare(connection, request), CancellationToken.None));
                ChildProcess.Report(result);
                return 0;
            }

            default:
                await Console.Error.WriteLineAsync($"Unknown child measurement '{kind}'.");
                return 2;
        }
    }

    /// <summary>Times <paramref name="work"/>; with <paramref name="sampleMemory"/>, also its peak memory (a sampling thread runs meanwhile).</summary>
    private static async Task<ChildResult> MeasureAsync(Func<Task> work, bool sampleMemory = true)
    {
        long allocated = GC.GetTotalAllocatedBytes(precise: true);
        using MemorySampler? sampler = sampleMemory ? MemorySampler.StartForCurrentProcess() : null;
        var watch = Stopwatch.StartNew();
        await work();
        double seconds = watch.Elapsed.TotalSeconds;
        sampler?.Stop();
        return new ChildResult(seconds, 0, sampler?.BaselineWorkingSet ?? 0, sampler?.WorkingSetGrowth ?? 0, sampler?.ManagedGrowth ?? 0,
            GC.GetTotalAllocatedBytes(precise: true) - allocated);
    }
}
