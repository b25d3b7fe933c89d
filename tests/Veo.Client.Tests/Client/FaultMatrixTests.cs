using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Veo.Simulator;

namespace Veo.Client.Tests.Client;

/// <summary>
/// Each injected fault against each kind of call, for each provider: the call either gets through (retried,
/// resumed or renewed) or fails with the expected error; and the simulator never accepts a create twice.
/// </summary>
public sealed class FaultMatrixTests : IDisposable
{
    private const string Succeeds = "succeeds";

    private static readonly VeoProvider[] Providers = { VeoProvider.HighwayApi, VeoProvider.AIHubMax, VeoProvider.Vtrix };

    private readonly TestImages _images = new();

    public void Dispose() => _images.Dispose();

    public static IEnumerable<object[]> Cases()
    {
        foreach (VeoProvider provider in Providers)
        {
            // Retry-After in seconds costs a real second, so the seconds form runs on one provider only.
            string retryAfter = provider == VeoProvider.HighwayApi ? "1" : "0";
            var common = new (string Fault, string Create, string Other)[]
            {
                ("429 Retry-After seconds", Succeeds, Succeeds),
                ("429 Retry-After date", Succeeds, Succeeds),
                ("500", VeoErrorIds.ProviderError, Succeeds),
                ("502", VeoErrorIds.ProviderError, Succeeds),
                ("503", VeoErrorIds.ProviderUnavailable, Succeeds),
                ("connection reset", VeoErrorIds.CreateOutcomeUnknown, Succeeds),
                ("slower than the timeout", VeoErrorIds.CreateOutcomeUnknown, Succeeds),
                ("malformed JSON", VeoErrorIds.CreateOutcomeUnknown, VeoErrorIds.InvalidProviderResponse),
            };
            foreach ((string fault, string create, string other) in common)
            {
                yield return new object[] { provider, FaultTarget.Create, fault, create, retryAfter };
                yield return new object[] { provider, FaultTarget.Status, fault, other, retryAfter };
                if (provider == VeoProvider.AIHubMax)
                {
                    yield return new object[] { provider, FaultTarget.Upload, fault, other, retryAfter };
                }

                if (fault != "malformed JSON")
                {
                    yield return new object[] { provider, FaultTarget.Download, fault, Succeeds, retryAfter };
                }
            }

            yield return new object[] { provider, FaultTarget.Status, "429 Retry-After too long", VeoErrorIds.RateLimited, retryAfter };
            yield return new object[] { provider, FaultTarget.Download, "download cut off half way", Succeeds, retryAfter };
            yield return new object[] { provider, FaultTarget.Download, "expired link 403", Succeeds, retryAfter };
            yield return new object[] { provider, FaultTarget.Download, "expired link 404", Succeeds, retryAfter };
            yield return new object[] { provider, FaultTarget.Download, "HTML page as the video", Succeeds, retryAfter };
            yield return new object[] { provider, FaultTarget.Download, "JSON error as the video", Succeeds, retryAfter };
            yield return new object[] { provider, FaultTarget.Download, "empty body as the video", Succeeds, retryAfter };
            yield return new object[] { provider, FaultTarget.Download, "resume answered from the wrong byte", Succeeds, retryAfter };
            yield return new object[] { provider, FaultTarget.Download, "trickle", Succeeds, retryAfter };
            yield return new object[] { provider, FaultTarget.Download, "stall after the headers", Succeeds, retryAfter };
            yield return new object[] { provider, FaultTarget.Download, "endless body", VeoErrorIds.DownloadTooLarge, retryAfter };
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task AFaultIsRetriedOrReportedAndNoCreateIsAcceptedTwice(
        VeoProvider providerName, FaultTarget target, string fault, string expected, string retryAfter)
    {
        await using SimulatedProvider provider = await SimulatedProvider.StartAsync(
            o =>
            {
                // Only the call under test gets a short timeout, so a loaded machine cannot fail the others.
                if (target == FaultTarget.Create)
                {
                    o.CreateTimeout = TimeSpan.FromMilliseconds(700);
                }
                else
                {
                    o.RequestTimeout = TimeSpan.FromMilliseconds(700);
                }

                if (target == FaultTarget.Download)
                {
                    o.DownloadIdleTimeout = TimeSpan.FromMilliseconds(700);
                    o.DownloadRateWindow = TimeSpan.FromSeconds(1);
                    o.MaxDownloadBytes = 8 << 20;
                }
            },
            providerName);
        VideoRequest request = new()
        {
            Mode = VeoMode.FirstFrame,
            Prompt = "a fox",
            Image = ImageInput.FromFile(_images.Png($"{target}-{fault.Replace(' ', '-')}.png", (byte)fault.Length)),
        };
        Fault[] injected = Injected(fault, retryAfter);

        string outcome = await OutcomeAsync(() => RunAsync(provider, target, request, injected));

        Assert.Equal(expected, outcome);
        int accepted = provider.Server.State.Requests.Count(r => r.Method == "POST" && r.StatusCode == 200 && !r.PathAndQuery.StartsWith("/v1/files", StringComparison.Ordinal));
        Assert.True(accepted <= 1, $"the simulator accepted {accepted} creates");
        if (target == FaultTarget.Create && expected != Succeeds)
        {
            Assert.True(await provider.EventuallyAsync(() => provider.Creates == 1), $"expected one create request, saw {provider.Creates}");
        }
    }

    private static async Task RunAsync(SimulatedProvider provider, FaultTarget target, VideoRequest request, Fault[] injected)
    {
        void Inject()
        {
            foreach (Fault fault in injected)
            {
                provider.Server.State.Faults.Add(target, fault);
            }
        }

        if (target is FaultTarget.Create or FaultTarget.Upload)
        {
            Inject();
            await provider.CreateAsync(request);
            return;
        }

        VeoTask task = await provider.CreateAsync(request);
        if (target == FaultTarget.Status)
        {
            Inject();
            await provider.Client.RefreshAsync(task, default);
            return;
        }

        VeoTask done = await provider.Client.WaitAsync(task, TimeSpan.FromSeconds(10), null, default);
        Inject();
        string path = Path.Combine(Path.GetTempPath(), $"veo-fault-{Guid.NewGuid():N}.mp4");
        try
        {
            await provider.Client.DownloadAsync(done, 0, path, false, null, default);
            Assert.Equal("ftyp", System.Text.Encoding.ASCII.GetString(File.ReadAllBytes(path), 4, 4));
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static async Task<string> OutcomeAsync(Func<Task> run)
    {
        try
        {
            await run();
            return Succeeds;
        }
        catch (VeoException ex)
        {
            return ex.ErrorId;
        }
    }

    private static Fault[] Injected(string fault, string retryAfter) => fault switch
    {
        "429 Retry-After seconds" => new Fault[] { new Fault.HttpStatus(429, retryAfter) },
        "429 Retry-After date" => new Fault[] { new Fault.HttpStatus(429, DateTimeOffset.UtcNow.AddSeconds(int.Parse(retryAfter)).ToString("R")) },
        "429 Retry-After too long" => new Fault[] { new Fault.HttpStatus(429, "600") },
        "500" => new Fault[] { new Fault.HttpStatus(500) },
        "502" => new Fault[] { new Fault.HttpStatus(502) },
        "503" => new Fault[] { new Fault.HttpStatus(503) },
        "connection reset" => new Fault[] { new Fault.ConnectionReset() },
        "slower than the timeout" => new Fault[] { new Fault.Delay(TimeSpan.FromSeconds(2.5)) },
        "malformed JSON" => new Fault[] { new Fault.MalformedJson() },
        "download cut off half way" => new Fault[] { new Fault.TruncatedBody(0.5) },
        "expired link 403" => new Fault[] { new Fault.HttpStatus(403) },
        "expired link 404" => new Fault[] { new Fault.HttpStatus(404) },
        "HTML page as the video" => new Fault[] { new Fault.WrongContent("<html><body>Service busy</body></html>") },
        "JSON error as the video" => new Fault[] { new Fault.WrongContent("{\"error\":\"busy\"}", "application/json") },
        "empty body as the video" => new Fault[] { new Fault.WrongContent(string.Empty, "video/mp4") },
        "resume answered from the wrong byte" => new Fault[] { new Fault.TruncatedBody(0.5), new Fault.WrongRange() },
        "trickle" => new Fault[] { new Fault.Trickle(TimeSpan.FromMilliseconds(100)) },
        "stall after the headers" => new Fault[] { new Fault.StallAfterHeaders() },
        "endless body" => new Fault[] { new Fault.EndlessBody() },
        _ => throw new ArgumentOutOfRangeException(nameof(fault), fault, null),
    };
}
