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

    private static readonly VeoProvider[] Providers = { VeoProvider.HighwayApi, VeoProvider.AIHubMax, VeoProvider.Vtrix, VeoProvider.Google };

    private readonly TestImages _images = new();

    public void Dispose() => _images.Dispose();

    private static readonly HashSet<string> TimingFaults = new(StringComparer.Ordinal) { "slower than the timeout", "trickle", "stall after the headers" };

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

            // Hostile answers: the key echoed back, ids that are not ids, answers about another task or of no end.
            foreach (string echo in new[] { "key echoed in a JSON error", "key echoed JSON-escaped", "key echoed in an HTML page" })
            {
                string refused = echo == "key echoed in an HTML page" ? VeoErrorIds.AuthenticationFailed : VeoErrorIds.RequestRejected;
                yield return new object[] { provider, FaultTarget.Create, echo, refused, retryAfter };
                yield return new object[] { provider, FaultTarget.Status, echo, refused, retryAfter };
                if (provider == VeoProvider.AIHubMax)
                {
                    yield return new object[] { provider, FaultTarget.Upload, echo, refused, retryAfter };
                }
            }

            foreach (string oddId in OddIds.Keys)
            {
                yield return new object[] { provider, FaultTarget.Create, oddId, VeoErrorIds.CreateOutcomeUnknown, retryAfter };
            }

            yield return new object[] { provider, FaultTarget.Create, "oversized body", VeoErrorIds.CreateOutcomeUnknown, retryAfter };
            yield return new object[] { provider, FaultTarget.Status, "oversized body", VeoErrorIds.InvalidProviderResponse, retryAfter };
            yield return new object[] { provider, FaultTarget.Status, "about another task", VeoErrorIds.InvalidProviderResponse, retryAfter };
            yield return new object[] { provider, FaultTarget.Status, "300 videos", Succeeds, retryAfter };
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
                // Only a fault about time gets short timeouts, and only for the call under test, so a loaded machine
                // cannot turn another fault's answer into a timeout.
                if (TimingFaults.Contains(fault))
                {
                    if (target == FaultTarget.Create)
                    {
                        o.CreateTimeout = TimeSpan.FromMilliseconds(700);
                    }
                    else
                    {
                        o.RequestTimeout = TimeSpan.FromMilliseconds(700);
                    }

                    o.DownloadIdleTimeout = TimeSpan.FromMilliseconds(700);
                    o.DownloadRateWindow = TimeSpan.FromSeconds(1);
                }

                o.MaxDownloadBytes = 8 << 20;
            },
            providerName);
        VideoRequest request = new()
        {
            Mode = VeoMode.FirstFrame,
            Prompt = "a fox",
            Image = ImageInput.FromFile(_images.Png($"{target}-{fault.Replace(' ', '-')}.png", (byte)fault.Length)),
        };
        Fault[] injected = Injected(providerName, fault, retryAfter);

        string outcome = await OutcomeAsync(() => RunAsync(provider, target, request, injected), out Func<VeoException?> failure);

        Assert.Equal(expected, outcome);
        for (Exception? ex = failure(); ex is not null; ex = ex.InnerException)
        {
            Assert.DoesNotContain(SimulatedProvider.Key, ex.Message, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(SimulatedProvider.Key, provider.Log.All, StringComparison.Ordinal);
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
            VeoTask read = await provider.Client.RefreshAsync(task, default);
            Assert.InRange(read.Videos.Count, 0, 4);
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

    private static Task<string> OutcomeAsync(Func<Task> run, out Func<VeoException?> failure)
    {
        VeoException? caught = null;
        failure = () => caught;
        return Run();

        async Task<string> Run()
        {
            try
            {
                await run();
                return Succeeds;
            }
            catch (VeoException ex)
            {
                caught = ex;
                return ex.ErrorId;
            }
        }
    }

    /// <summary>Create answers (200) whose id cannot be used, as a format for the provider's id field.</summary>
    private static readonly Dictionary<string, string> OddIds = new()
    {
        ["id null"] = "{{\"{0}\": null}}",
        ["id an object"] = "{{\"{0}\": {{\"a\": 1}}}}",
        ["an array, not an object"] = "[1,2,3]",
        ["id an unpaired surrogate"] = "{{\"{0}\": \"\\ud800\"}}",
        ["id .."] = "{{\"{0}\": \"..\"}}",
        ["id empty"] = "{{\"{0}\": \"\"}}",
        ["id with a terminal escape"] = "{{\"{0}\": \"\\u001b[2J\"}}",
        ["id 500 characters long"] = "{{\"{0}\": \"" + new string('a', 500) + "\"}}",
    };

    /// <summary>The faults to script, in order: a wrong range needs a cut-off download first, so that there is something to resume.</summary>
    private static Fault[] Injected(VeoProvider provider, string fault, string retryAfter) => fault == "resume answered from the wrong byte"
        ? new Fault[] { new Fault.TruncatedBody(0.5), new Fault.WrongRange() }
        : new[] { Single(provider, fault, retryAfter) };

    private static Fault Single(VeoProvider provider, string fault, string retryAfter) => fault switch
    {
        _ when OddIds.TryGetValue(fault, out string? format) => new Fault.Answer(200, string.Format(format, IdField(provider))),
        "key echoed in a JSON error" => new Fault.Answer(400, ErrorBody(provider, "the header was " + Fault.Answer.EchoedAuthorization)),
        "key echoed JSON-escaped" => new Fault.Answer(400, ErrorBody(provider, "the header was Bearer \\u0073im-key")),
        "key echoed in an HTML page" => new Fault.Answer(401, $"<html><body><h1>401</h1><pre>Authorization: {Fault.Answer.EchoedAuthorization}</pre></body></html>", "text/html"),
        "oversized body" => new Fault.OversizedBody(100L * 1024 * 1024),
        "300 videos" => new Fault.Answer(200, provider switch
        {
            VeoProvider.HighwayApi => $"{{\"task\": {{\"status\": \"TASK_STATUS_SUCCEED\"}}, \"videos\": [{Links(300, "{{\"video_url\": \"{0}\"}}")}]}}",
            VeoProvider.AIHubMax => $"{{\"status\": \"completed\", \"results\": [{Links(300, "\"{0}\"")}]}}",
            VeoProvider.Google => $"{{\"done\": true, \"response\": {{\"generateVideoResponse\": {{\"generatedSamples\": [{Links(300, "{{\"video\": {{\"uri\": \"{0}\"}}}}")}]}}}}}}",
            _ => $"{{\"status\": \"completed\", \"output\": [{{\"content\": [{Links(300, "{{\"type\": \"video\", \"url\": \"{0}\"}}")}]}}]}}",
        }),
        "about another task" => new Fault.Answer(200, provider switch
        {
            VeoProvider.HighwayApi => "{\"task\": {\"task_id\": \"someone-else\", \"status\": \"TASK_STATUS_SUCCEED\"}, \"videos\": [{\"video_url\": \"https://example.com/v.mp4\"}]}",
            VeoProvider.AIHubMax => "{\"id\": \"someone-else\", \"status\": \"completed\", \"results\": [\"https://example.com/v.mp4\"]}",
            VeoProvider.Google => "{\"name\": \"someone-else\", \"done\": true, \"response\": {\"generateVideoResponse\": {\"generatedSamples\": [{\"video\": {\"uri\": \"https://example.com/v.mp4\"}}]}}}",
            _ => "{\"id\": \"someone-else\", \"status\": \"completed\", \"output\": [{\"content\": [{\"type\": \"video\", \"url\": \"https://example.com/v.mp4\"}]}]}",
        }),
        "429 Retry-After seconds" => new Fault.HttpStatus(429, retryAfter),
        "429 Retry-After date" => new Fault.HttpStatus(429, DateTimeOffset.UtcNow.AddSeconds(int.Parse(retryAfter)).ToString("R")),
        "429 Retry-After too long" => new Fault.HttpStatus(429, "600"),
        "500" => new Fault.HttpStatus(500),
        "502" => new Fault.HttpStatus(502),
        "503" => new Fault.HttpStatus(503),
        "connection reset" => new Fault.ConnectionReset(),
        "slower than the timeout" => new Fault.Delay(TimeSpan.FromSeconds(2.5)),
        "malformed JSON" => new Fault.MalformedJson(),
        "download cut off half way" => new Fault.TruncatedBody(0.5),
        "expired link 403" => new Fault.HttpStatus(403),
        "expired link 404" => new Fault.HttpStatus(404),
        "HTML page as the video" => new Fault.Answer(200, "<html><body>Service busy</body></html>", "text/html"),
        "JSON error as the video" => new Fault.Answer(200, "{\"error\":\"busy\"}"),
        "empty body as the video" => new Fault.Answer(200, string.Empty, "video/mp4"),
        "trickle" => new Fault.Trickle(TimeSpan.FromMilliseconds(100)),
        "stall after the headers" => new Fault.StallAfterHeaders(),
        "endless body" => new Fault.EndlessBody(),
        _ => throw new ArgumentOutOfRangeException(nameof(fault), fault, null),
    };

    /// <summary>The field of a create answer that names the task.</summary>
    private static string IdField(VeoProvider provider) => provider switch
    {
        VeoProvider.HighwayApi => "task_id",
        VeoProvider.Google => "name",
        _ => "id",
    };

    private static string Links(int count, string format) =>
        string.Join(", ", Enumerable.Range(1, count).Select(n => string.Format(format, $"https://example.com/{n}.mp4")));

    /// <summary>A 400 error body in the provider's own shape, carrying <paramref name="message"/>.</summary>
    private static string ErrorBody(VeoProvider provider, string message) => provider switch
    {
        VeoProvider.HighwayApi => $"{{\"code\": 400, \"reason\": \"INVALID_REQUEST_BODY\", \"message\": \"{message}\"}}",
        VeoProvider.AIHubMax => $"{{\"error\": {{\"code\": \"invalid_request\", \"message\": \"{message}\"}}}}",
        VeoProvider.Google => $"{{\"error\": {{\"code\": 400, \"message\": \"{message}\", \"status\": \"INVALID_ARGUMENT\"}}}}",
        _ => $"{{\"error\": {{\"code\": \"400\", \"message\": \"{message}\"}}}}",
    };
}
