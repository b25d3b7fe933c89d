using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Veo.Simulator;

namespace Veo.Client.Tests.Client;

/// <summary>
/// A corpus of bad input across providers: each case has its own ErrorId, and every case decidable locally is
/// refused with the simulator having received nothing at all.
/// </summary>
public sealed class BadInputCorpusTests : IDisposable
{
    private static readonly ImageInput Url = ImageInput.FromUrl(new Uri("https://example.com/a.png"));

    private readonly TestImages _images = new();

    public void Dispose() => _images.Dispose();

    /// <summary>Case name, provider, how to build the request (given the test's image folder), expected ErrorId, decidable locally.</summary>
    public static IEnumerable<object[]> Corpus()
    {
        const VeoProvider H = VeoProvider.HighwayApi, A = VeoProvider.AIHubMax, V = VeoProvider.Vtrix;
        foreach (VeoProvider p in new[] { H, A, V })
        {
            yield return Case($"{p}: missing image file", p, i => Frame() with { Image = ImageInput.FromFile(i.Missing()) }, VeoErrorIds.ImageNotFound);
            yield return Case($"{p}: empty image file", p, i => Frame() with { Image = ImageInput.FromFile(i.Empty()) }, VeoErrorIds.ImageEmpty);
            yield return Case($"{p}: GIF image", p, i => Frame() with { Image = ImageInput.FromFile(i.Gif()) }, VeoErrorIds.ImageFormatNotSupported);
            yield return Case($"{p}: 25 MB image", p, i => Frame() with { Image = ImageInput.FromFile(i.Large(25L << 20)) }, VeoErrorIds.ImageTooLarge);
            yield return Case($"{p}: empty prompt", p, _ => Frame() with { Prompt = " " }, VeoErrorIds.PromptMissing);
            yield return Case($"{p}: 5-second video", p, _ => Frame() with { DurationSeconds = 5 }, VeoErrorIds.DurationNotAllowed);
            yield return Case($"{p}: square video", p, _ => Frame() with { AspectRatio = "1:1" }, VeoErrorIds.AspectRatioNotAllowed);
            yield return Case($"{p}: 8k video", p, _ => Frame() with { Resolution = "8k" }, VeoErrorIds.ResolutionNotAllowed);
            yield return Case($"{p}: four reference images", p, _ => Reference(4), VeoErrorIds.ReferenceImageCount);
            yield return Case($"{p}: no reference image", p, _ => Reference(0), VeoErrorIds.ReferenceImageCount);
        }

        yield return Case("HighwayApi: 4k", H, _ => Frame() with { Resolution = "4k" }, VeoErrorIds.ResolutionNotAllowed);
        yield return Case("HighwayApi: reference of 6 s", H, _ => Reference(1) with { DurationSeconds = 6 }, VeoErrorIds.DurationNotAllowed);
        yield return Case("HighwayApi: no samples", H, _ => Frame() with { SampleCount = 0 }, VeoErrorIds.SampleCountOutOfRange);
        yield return Case("HighwayApi: five samples", H, _ => Frame() with { SampleCount = 5 }, VeoErrorIds.SampleCountOutOfRange);
        yield return Case("HighwayApi: negative seed", H, _ => Frame() with { Seed = -1 }, VeoErrorIds.SeedOutOfRange);
        yield return Case("HighwayApi: seed past 2^32", H, _ => Frame() with { Seed = 4294967296 }, VeoErrorIds.SeedOutOfRange);
        yield return Case("HighwayApi: prompt enhancement on Lite", H, _ => Frame(VeoTier.Lite) with { EnhancePrompt = true }, VeoErrorIds.OptionNotSupported);
        yield return Case("HighwayApi: enhancement off on Standard", H, _ => Frame(VeoTier.Standard) with { EnhancePrompt = false }, VeoErrorIds.EnhancePromptAlwaysOn);
        yield return Case("HighwayApi: AllowAll on Fast first/last", H, _ => FirstLast() with { PersonGeneration = PersonGeneration.AllowAll }, VeoErrorIds.PersonGenerationNotAllowed);
        yield return Case("HighwayApi: safety tolerance", H, _ => Frame() with { SafetyTolerance = 3 }, VeoErrorIds.OptionNotSupported);
        yield return Case("HighwayApi: style reference", H, _ => Reference(1) with { ReferenceType = ReferenceType.Style }, VeoErrorIds.OptionNotSupported);
        yield return Case("HighwayApi: Lite reference model", H, _ => Reference(1) with { Tier = VeoTier.Lite }, VeoErrorIds.ModelNotAvailable);
        yield return Case("AIHubMax: 4k on Lite", A, _ => Frame(VeoTier.Lite) with { Resolution = "4k" }, VeoErrorIds.ResolutionNotAllowed);
        yield return Case("AIHubMax: Lite 1080p at 4 s", A, _ => Frame(VeoTier.Lite) with { DurationSeconds = 4 }, VeoErrorIds.DurationNotAllowed);
        yield return Case("AIHubMax: reference type on Fast", A, _ => Reference(1) with { ReferenceType = ReferenceType.Asset }, VeoErrorIds.OptionNotSupported);
        yield return Case("AIHubMax: safety tolerance 7", A, _ => Frame() with { SafetyTolerance = 7 }, VeoErrorIds.SafetyToleranceOutOfRange);
        yield return Case("AIHubMax: safety tolerance on Lite", A, _ => Frame(VeoTier.Lite) with { SafetyTolerance = 2 }, VeoErrorIds.OptionNotSupported);
        yield return Case("AIHubMax: prompt enhancement on Fast", A, _ => Frame() with { EnhancePrompt = true }, VeoErrorIds.OptionNotSupported);
        yield return Case("AIHubMax: person generation on Lite", A, _ => Frame(VeoTier.Lite) with { PersonGeneration = PersonGeneration.DontAllow }, VeoErrorIds.OptionNotSupported);
        yield return Case("AIHubMax: two samples", A, _ => Frame() with { SampleCount = 2 }, VeoErrorIds.OptionNotSupported);
        yield return Case("Vtrix: Standard tier", V, _ => Frame(VeoTier.Standard), VeoErrorIds.ModelNotAvailable);
        yield return Case("Vtrix: 1080p at 4 s", V, _ => Frame() with { Resolution = "1080p", DurationSeconds = 4 }, VeoErrorIds.DurationNotAllowed);
        yield return Case("Vtrix: 4k at 6 s", V, _ => Frame() with { Resolution = "4k", DurationSeconds = 6 }, VeoErrorIds.DurationNotAllowed);
        yield return Case("Vtrix: DontAllow", V, _ => Frame() with { PersonGeneration = PersonGeneration.DontAllow }, VeoErrorIds.PersonGenerationNotAllowed);
        yield return Case("Vtrix: seed", V, _ => Frame() with { Seed = 1 }, VeoErrorIds.OptionNotSupported);
        yield return Case("Vtrix: audio", V, _ => Frame() with { GenerateAudio = true }, VeoErrorIds.OptionNotSupported);
        yield return Case("Vtrix: auto-fix", V, _ => Frame() with { AutoFix = true }, VeoErrorIds.OptionNotSupported);

        // Only the provider can tell these.
        foreach (VeoProvider p in new[] { H, A, V })
        {
            yield return Remote($"{p}: wrong key", p, RemoteFault.WrongKey, VeoErrorIds.AuthenticationFailed);
            yield return Remote($"{p}: empty balance", p, RemoteFault.EmptyBalance, VeoErrorIds.InsufficientBalance);
            yield return Remote($"{p}: unknown task id", p, RemoteFault.UnknownTask, VeoErrorIds.TaskNotFound);
            yield return Remote($"{p}: answer that is not JSON", p, RemoteFault.NotJson, VeoErrorIds.InvalidProviderResponse);
        }

        yield return Case("Vtrix: image URL nobody answers", V, _ => Frame() with { Image = ImageInput.FromUrl(new Uri("http://127.0.0.1:9/missing.png")) }, VeoErrorIds.ImageUrlUnavailable);
        yield return Remote("Vtrix: image URL that 404s", V, RemoteFault.ImageUrl404, VeoErrorIds.ImageUrlUnavailable);
    }

    [Theory]
    [MemberData(nameof(Corpus))]
    public async Task BadInputHasItsOwnErrorIdAndLocalCasesSendNothing(string name, VeoProvider providerName, Func<TestImages, VideoRequest>? build, RemoteFault remote, string errorId)
    {
        await using SimulatedProvider provider = await SimulatedProvider.StartAsync(o => o.MaxRetries = 1, providerName);

        VeoException error = await Assert.ThrowsAnyAsync<VeoException>(() => RunAsync(provider, build, remote));

        Assert.Equal(errorId, error.ErrorId);
        Assert.False(string.IsNullOrWhiteSpace(error.Message), name);
        if (remote == RemoteFault.None)
        {
            Assert.Empty(provider.Server.State.Requests);
        }

        if (remote is RemoteFault.None or RemoteFault.ImageUrl404)
        {
            Assert.Equal(0, provider.Creates);
        }
    }

    public enum RemoteFault
    {
        None,
        WrongKey,
        EmptyBalance,
        UnknownTask,
        NotJson,
        ImageUrl404,
    }

    private async Task RunAsync(SimulatedProvider provider, Func<TestImages, VideoRequest>? build, RemoteFault remote)
    {
        switch (remote)
        {
            case RemoteFault.None:
                await provider.CreateAsync(build!(_images));
                break;
            case RemoteFault.WrongKey:
                await provider.CreateAsync(Remote(), provider.ConnectionWithKey("not-a-key"));
                break;
            case RemoteFault.EmptyBalance:
                await provider.CreateAsync(Remote(), provider.ConnectionWithKey("sim-broke"));
                break;
            case RemoteFault.UnknownTask:
                await provider.Client.GetTaskAsync(provider.Connection, "no-such-task", default);
                break;
            case RemoteFault.NotJson:
                VeoTask task = await provider.CreateAsync(Remote());
                provider.Server.State.Faults.Add(FaultTarget.Status, new Fault.MalformedJson());
                await provider.Client.RefreshAsync(task, default);
                break;
            case RemoteFault.ImageUrl404:
                await provider.CreateAsync(Frame() with { Image = ImageInput.FromUrl(new Uri(provider.Server.BaseUri, "sim/files/none/missing.png")) });
                break;
        }

        VideoRequest Remote() => Frame() with { Image = ImageInput.FromFile(_images.Png("remote.png")) };
    }

    private static VideoRequest Frame(VeoTier tier = VeoTier.Fast) => new() { Mode = VeoMode.FirstFrame, Tier = tier, Prompt = "a fox", Image = Url };

    private static VideoRequest FirstLast() => Frame() with { Mode = VeoMode.FirstAndLastFrame, LastImage = Url };

    private static VideoRequest Reference(int count) =>
        new() { Mode = VeoMode.Reference, Prompt = "a fox", ReferenceImages = Enumerable.Repeat(Url, count).ToArray() };

    private static object[] Case(string name, VeoProvider provider, Func<TestImages, VideoRequest> build, string errorId) =>
        new object[] { name, provider, build, RemoteFault.None, errorId };

    private static object[] Remote(string name, VeoProvider provider, RemoteFault fault, string errorId) =>
        new object[] { name, provider, null!, fault, errorId };
}
