using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;
using Veo.Simulator;

namespace Veo.Client.Tests.Client;

/// <summary>
/// Links and servers that answer in nasty ways: a download is the video or an error, and every wait and download
/// ends by its deadline whatever the server does.
/// </summary>
public sealed class HostileDownloadTests : IDisposable
{
    /// <summary>Far above any deadline in these tests, far below what the faults would take without one.</summary>
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    private readonly TestImages _images = new();

    public void Dispose() => _images.Dispose();

    private string Target => Path.Combine(_images.Folder, "out", "v.mp4");

    private void AssertNothingKept() =>
        Assert.Empty(Directory.Exists(Path.GetDirectoryName(Target)) ? Directory.GetFiles(Path.GetDirectoryName(Target)!) : Array.Empty<string>());

    [Theory]
    [InlineData("<!DOCTYPE html><html><body>Access denied</body></html>", "text/html", "<!DOCTYPE html>")]
    [InlineData("{\"error\":\"quota exceeded\"}", "application/json", "quota exceeded")]
    [InlineData("", "video/mp4", "an empty body")]
    public async Task AnErrorPageSentAsTheVideoIsAnErrorQuotingItAndNothingIsKept(string body, string contentType, string quoted)
    {
        await using SimulatedProvider provider = await SimulatedProvider.StartAsync(o => o.MaxRetries = 1);
        VeoTask task = await provider.FinishedTaskAsync();
        int statusReads = provider.StatusReads;
        provider.Server.State.Faults.Add(FaultTarget.Download, new Fault.Answer(200, body, contentType), times: 10);

        VeoException error = await Assert.ThrowsAsync<VeoException>(() => provider.Client.DownloadAsync(task, 0, Target, false, null, default));

        Assert.Equal(VeoErrorIds.DownloadNotAVideo, error.ErrorId);
        Assert.True(error.Message.Contains(quoted, StringComparison.Ordinal), error.Message);
        AssertNothingKept();
        // Tried again on the same link, then once more on a renewed one.
        Assert.Equal(statusReads + 1, provider.StatusReads);
        Assert.Equal(4, provider.Downloads);
    }

    [Fact]
    public async Task AnErrorPageOnceIsTriedAgainAndTheVideoSaved()
    {
        await using SimulatedProvider provider = await SimulatedProvider.StartAsync();
        VeoTask task = await provider.FinishedTaskAsync();
        provider.Server.State.Faults.Add(FaultTarget.Download, new Fault.Answer(200, "<html>busy</html>", "text/html"));

        await provider.Client.DownloadAsync(task, 0, Target, false, null, default);

        Assert.Equal("ftyp", System.Text.Encoding.ASCII.GetString(await File.ReadAllBytesAsync(Target), 4, 4));
    }

    [Fact]
    public async Task AResumeAnsweredFromTheWrongByteStartsOverAndTheFileIsWhole()
    {
        await using SimulatedProvider provider = await SimulatedProvider.StartAsync();
        VeoTask task = await provider.FinishedTaskAsync();
        string whole = Path.Combine(_images.Folder, "whole.mp4");
        await provider.Client.DownloadAsync(task, 0, whole, false, null, default);
        provider.Server.State.Faults.Add(FaultTarget.Download, new Fault.TruncatedBody(0.5));
        provider.Server.State.Faults.Add(FaultTarget.Download, new Fault.WrongRange());

        await provider.Client.DownloadAsync(task, 0, Target, false, null, default);

        Assert.Equal(await File.ReadAllBytesAsync(whole), await File.ReadAllBytesAsync(Target));
        Assert.True(provider.Log.Has("starting over"), provider.Log.All);
    }

    [Fact]
    public async Task ATrickleIsBrokenNotIdleAndTheDownloadIsTriedAgain()
    {
        await using SimulatedProvider provider = await SimulatedProvider.StartAsync(o =>
        {
            o.DownloadRateWindow = TimeSpan.FromSeconds(1);
            o.DownloadMinBytesPerSecond = 1024;
        });
        VeoTask task = await provider.FinishedTaskAsync();
        provider.Server.State.Faults.Add(FaultTarget.Download, new Fault.Trickle(TimeSpan.FromMilliseconds(100)));

        await provider.Client.DownloadAsync(task, 0, Target, false, null, default);

        Assert.True(provider.Log.Has("bytes/s over"), provider.Log.All);
        Assert.Equal("ftyp", System.Text.Encoding.ASCII.GetString(await File.ReadAllBytesAsync(Target), 4, 4));
    }

    [Fact]
    public async Task ALinkThatStallsAfterItsHeadersIsBrokenAndTriedAgain()
    {
        await using SimulatedProvider provider = await SimulatedProvider.StartAsync(o => o.DownloadIdleTimeout = TimeSpan.FromMilliseconds(500));
        VeoTask task = await provider.FinishedTaskAsync();
        provider.Server.State.Faults.Add(FaultTarget.Download, new Fault.StallAfterHeaders());

        await provider.Client.DownloadAsync(task, 0, Target, false, null, default);

        Assert.True(provider.Log.Has("no data for"), provider.Log.All);
    }

    [Theory]
    [InlineData("trickle")]
    [InlineData("stall")]
    [InlineData("slow answer")]
    [InlineData("Retry-After past the deadline")]
    public async Task ADownloadEndsByItsDeadlineWhateverTheServerDoes(string fault)
    {
        await using SimulatedProvider provider = await SimulatedProvider.StartAsync(o =>
        {
            o.MaxRetryAfter = TimeSpan.FromMinutes(5);
            o.RequestTimeout = TimeSpan.FromMinutes(5);
        });
        VeoTask task = await provider.FinishedTaskAsync();
        provider.Server.State.Faults.Add(FaultTarget.Download, fault switch
        {
            "trickle" => new Fault.Trickle(TimeSpan.FromMilliseconds(200)),
            "stall" => new Fault.StallAfterHeaders(),
            "slow answer" => new Fault.Delay(TimeSpan.FromMinutes(2)),
            _ => new Fault.HttpStatus(503, "120"),
        }, times: 100);
        var watch = Stopwatch.StartNew();

        VeoException error = await Assert.ThrowsAsync<VeoException>(() =>
            provider.Client.DownloadAsync(task, 0, Target, false, null, default, DateTimeOffset.UtcNow.AddSeconds(1)));

        Assert.Equal(VeoErrorIds.DownloadTimedOut, error.ErrorId);
        Assert.True(watch.Elapsed < Bound, $"took {watch.Elapsed}");
        AssertNothingKept();
    }

    [Fact]
    public async Task DownloadRetriesDoNotMultiplyAcrossLayers()
    {
        await using SimulatedProvider provider = await SimulatedProvider.StartAsync(o => o.MaxRetries = 3);
        VeoTask task = await provider.FinishedTaskAsync();
        provider.Server.State.Faults.Add(FaultTarget.Download, new Fault.ConnectionReset(), times: 100);

        VeoException error = await Assert.ThrowsAsync<VeoException>(() => provider.Client.DownloadAsync(task, 0, Target, false, null, default));

        Assert.Equal(VeoErrorIds.DownloadIncomplete, error.ErrorId);
        Assert.Contains("after 4 attempts", error.Message);
        Assert.True(await provider.EventuallyAsync(() => provider.Downloads == 4));
        await Task.Delay(200);
        Assert.Equal(4, provider.Downloads);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ABodyPastTheSizeCapStopsAndTheTemporaryFileGoes(bool announced)
    {
        await using SimulatedProvider provider = await SimulatedProvider.StartAsync(o => o.MaxDownloadBytes = announced ? 1000 : 1 << 20);
        VeoTask task = await provider.FinishedTaskAsync();
        if (!announced)
        {
            provider.Server.State.Faults.Add(FaultTarget.Download, new Fault.EndlessBody());
        }

        VeoException error = await Assert.ThrowsAsync<VeoException>(() => provider.Client.DownloadAsync(task, 0, Target, false, null, default));

        Assert.Equal(VeoErrorIds.DownloadTooLarge, error.ErrorId);
        AssertNothingKept();
        Assert.True(await provider.EventuallyAsync(() => provider.Downloads == 1));
    }

    [Fact]
    public async Task ARetryAfterPastTheDeadlineEndsTheWaitAtTheDeadline()
    {
        await using SimulatedProvider provider = await SimulatedProvider.StartAsync(o => o.MaxRetryAfter = TimeSpan.FromMinutes(5));
        VeoTask task = await provider.CreateAsync(SimulatedProvider.UrlFrame());
        provider.Server.State.Faults.Add(FaultTarget.Status, new Fault.HttpStatus(503, "20"), times: 100);
        var watch = Stopwatch.StartNew();

        VeoException error = await Assert.ThrowsAsync<VeoException>(() => provider.Client.WaitAsync(task, TimeSpan.FromSeconds(1), null, default));

        Assert.Equal(VeoErrorIds.WaitTimedOut, error.ErrorId);
        Assert.Equal(task.TaskId, ((VeoTask)error.Target!).TaskId);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(15), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task AStatusAnswerThatStallsEndsTheWaitAtTheDeadline()
    {
        await using SimulatedProvider provider = await SimulatedProvider.StartAsync(o => o.RequestTimeout = TimeSpan.FromMinutes(5));
        VeoTask task = await provider.CreateAsync(SimulatedProvider.UrlFrame());
        provider.Server.State.Faults.Add(FaultTarget.Status, new Fault.Delay(TimeSpan.FromMinutes(2)), times: 100);
        var watch = Stopwatch.StartNew();

        VeoException error = await Assert.ThrowsAsync<VeoException>(() => provider.Client.WaitAsync(task, TimeSpan.FromSeconds(1), null, default));

        Assert.Equal(VeoErrorIds.WaitTimedOut, error.ErrorId);
        Assert.True(watch.Elapsed < Bound, $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task AFirstReadByIdThatNeverAnswersEndsAtTheWaitsDeadline()
    {
        await using SimulatedProvider provider = await SimulatedProvider.StartAsync(o => o.RequestTimeout = TimeSpan.FromMinutes(5));
        VeoTask task = await provider.CreateAsync(SimulatedProvider.UrlFrame());
        provider.Server.State.Faults.Add(FaultTarget.Status, new Fault.Delay(TimeSpan.FromMinutes(2)));
        var watch = Stopwatch.StartNew();

        VeoException error = await Assert.ThrowsAsync<VeoException>(() =>
            provider.Client.GetTaskAsync(provider.Connection, task.TaskId, default, timeout: TimeSpan.FromSeconds(1)));

        Assert.Equal(VeoErrorIds.WaitTimedOut, error.ErrorId);
        Assert.Equal(task.TaskId, ((VeoTask)error.Target!).TaskId);
        Assert.True(watch.Elapsed < Bound, $"took {watch.Elapsed}");
    }

    [Theory]
    [InlineData("stall")]
    [InlineData("trickle")]
    public async Task AVtrixImageUrlThatStallsAfterItsHeadersIsRefusedBeforeTheCreate(string fault)
    {
        await using SimulatedProvider provider = await SimulatedProvider.StartAsync(
            o =>
            {
                o.DownloadIdleTimeout = TimeSpan.FromMilliseconds(500);
                o.DownloadRateWindow = TimeSpan.FromSeconds(1);
            },
            VeoProvider.Vtrix);
        Uri url = await provider.HostFileAsync(_images.Png("remote.png", 5, extra: 4000));
        provider.Server.State.Faults.Add(FaultTarget.File, fault == "stall" ? new Fault.StallAfterHeaders() : new Fault.Trickle(TimeSpan.FromMilliseconds(100)));
        var watch = Stopwatch.StartNew();

        VeoException error = await Assert.ThrowsAsync<VeoException>(() =>
            provider.CreateAsync(new VideoRequest { Mode = VeoMode.FirstFrame, Prompt = "a fox", Image = ImageInput.FromUrl(url) }));

        Assert.Equal(VeoErrorIds.ImageUrlUnavailable, error.ErrorId);
        Assert.Equal(0, provider.Creates);
        Assert.True(watch.Elapsed < Bound, $"took {watch.Elapsed}");
    }
}
