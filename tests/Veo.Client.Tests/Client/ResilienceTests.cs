using System;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using Veo.Simulator;

namespace Veo.Client.Tests.Client;

/// <summary>Faults injected by the simulator: what is retried, what is not, and that a create is never sent twice.</summary>
public sealed class ResilienceTests : IDisposable
{
    private readonly TestImages _images = new();

    public void Dispose() => _images.Dispose();

    private VideoRequest Frame() => new() { Mode = VeoMode.FirstFrame, Tier = VeoTier.Fast, Prompt = "a fox", Image = ImageInput.FromFile(_images.Png()) };

    [Fact]
    public async Task StatusRequestsRetryServerErrorsAndResets()
    {
        await using SimulatedProvider provider = await SimulatedProvider.StartAsync();
        VeoTask task = await provider.CreateAsync(Frame());
        provider.Server.State.Faults.Add(FaultTarget.Status, new Fault.HttpStatus(503));
        provider.Server.State.Faults.Add(FaultTarget.Status, new Fault.ConnectionReset());
        provider.Server.State.Faults.Add(FaultTarget.Status, new Fault.HttpStatus(502));

        VeoTask read = await provider.Client.RefreshAsync(task, default);

        Assert.Equal(task.TaskId, read.TaskId);
        Assert.Equal(4, provider.StatusReads);
        Assert.True(provider.Log.Has("HTTP 503; retrying in"));
    }

    [Theory]
    [InlineData("1")]
    [InlineData("date")]
    public async Task RetryAfterIsHonouredInSecondsOrAsADate(string retryAfter)
    {
        await using SimulatedProvider provider = await SimulatedProvider.StartAsync();
        VeoTask task = await provider.CreateAsync(Frame());
        string header = retryAfter == "date" ? DateTimeOffset.UtcNow.AddSeconds(2).ToString("R") : retryAfter;
        provider.Server.State.Faults.Add(FaultTarget.Status, new Fault.HttpStatus(429, header));

        await provider.Client.RefreshAsync(task, default);

        Assert.Equal(2, provider.StatusReads);
        // The backoff for a first retry is 10 ms here; a wait of about a second can only come from the header.
        Assert.Matches(@"HTTP 429; retrying in (0\.[5-9]\d*|[12](\.\d+)?) s", provider.Log.All);
    }

    [Fact]
    public async Task StatusRetriesStopAtTheLimit()
    {
        await using SimulatedProvider provider = await SimulatedProvider.StartAsync(o => o.MaxRetries = 2);
        VeoTask task = await provider.CreateAsync(Frame());
        provider.Server.State.Faults.Add(FaultTarget.Status, new Fault.HttpStatus(500), times: 10);

        VeoApiException error = await Assert.ThrowsAsync<VeoApiException>(() => provider.Client.RefreshAsync(task, default));

        Assert.Equal(VeoErrorIds.ProviderError, error.ErrorId);
        Assert.Equal(3, provider.StatusReads);
    }

    [Fact]
    public async Task ASlowStatusAnswerTimesOutAndIsRetried()
    {
        await using SimulatedProvider provider = await SimulatedProvider.StartAsync(o => o.RequestTimeout = TimeSpan.FromMilliseconds(600));
        VeoTask task = await provider.CreateAsync(Frame());
        provider.Server.State.Faults.Add(FaultTarget.Status, new Fault.Delay(TimeSpan.FromSeconds(2)));

        VeoTask read = await provider.Client.RefreshAsync(task, default);

        Assert.Equal(task.TaskId, read.TaskId);
    }

    [Fact]
    public async Task AMalformedStatusAnswerIsInvalidProviderResponse()
    {
        await using SimulatedProvider provider = await SimulatedProvider.StartAsync();
        VeoTask task = await provider.CreateAsync(Frame());
        provider.Server.State.Faults.Add(FaultTarget.Status, new Fault.MalformedJson());

        VeoException error = await Assert.ThrowsAsync<VeoException>(() => provider.Client.RefreshAsync(task, default));

        Assert.Equal(VeoErrorIds.InvalidProviderResponse, error.ErrorId);
        Assert.Contains("not JSON", error.Message);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    public async Task ACreateThatMetAServerErrorIsNotSentAgain(int status)
    {
        await using SimulatedProvider provider = await SimulatedProvider.StartAsync();
        provider.Server.State.Faults.Add(FaultTarget.Create, new Fault.HttpStatus(status));

        await Assert.ThrowsAsync<VeoApiException>(() => provider.CreateAsync(Frame()));

        Assert.Equal(1, provider.Creates);
    }

    [Fact]
    public async Task ACreateRefusedWith429IsSentAgainAfterTheWait()
    {
        await using SimulatedProvider provider = await SimulatedProvider.StartAsync();
        provider.Server.State.Faults.Add(FaultTarget.Create, new Fault.HttpStatus(429, "0"));

        VeoTask task = await provider.CreateAsync(Frame());

        Assert.Equal(2, provider.Creates);
        Assert.Equal(VeoTaskStatus.Queued, task.Status);
    }

    [Fact]
    public async Task ACreateWhoseConnectionBrokeIsOfUnknownOutcomeAndNotSentAgain()
    {
        await using SimulatedProvider provider = await SimulatedProvider.StartAsync();
        provider.Server.State.Faults.Add(FaultTarget.Create, new Fault.ConnectionReset());

        VeoException error = await Assert.ThrowsAsync<VeoException>(() => provider.CreateAsync(Frame()));

        Assert.Equal(VeoErrorIds.CreateOutcomeUnknown, error.ErrorId);
        Assert.Contains("not sent again", error.Message);
        // The simulator logs a request when it ends, which a reset connection can make later than the client's error.
        Assert.True(await provider.EventuallyAsync(() => provider.Creates >= 1), "the simulator never recorded the create");
        Assert.Equal(1, provider.Creates);
    }

    [Fact]
    public async Task ACreateWithoutAnAnswerInTimeIsOfUnknownOutcomeAndNotSentAgain()
    {
        await using SimulatedProvider provider = await SimulatedProvider.StartAsync(o => o.CreateTimeout = TimeSpan.FromSeconds(1));
        provider.Server.State.Faults.Add(FaultTarget.Create, new Fault.Delay(TimeSpan.FromSeconds(5)));

        VeoException error = await Assert.ThrowsAsync<VeoException>(() => provider.CreateAsync(Frame()));

        Assert.Equal(VeoErrorIds.CreateOutcomeUnknown, error.ErrorId);
        Assert.True(await provider.EventuallyAsync(() => provider.Creates >= 1), "the simulator never recorded the create");
        await Task.Delay(300);
        Assert.Equal(1, provider.Creates);
    }

    [Fact]
    public async Task ACreateThatCannotConnectIsRetriedAndSaysNothingWasSent()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int closedPort = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var log = new RecordingLog();
        var client = new VeoClient(new VeoClientOptions { MaxRetries = 2, RetryBaseDelay = TimeSpan.FromMilliseconds(10) }, log);
        VeoConnection nowhere = VeoConnections.Create(VeoProvider.HighwayApi, new Uri($"http://127.0.0.1:{closedPort}/"), ApiKey.FromPlainText("k", "test"));

        VeoException error = await Assert.ThrowsAsync<VeoException>(() => client.CreateAsync(client.Prepare(nowhere, Frame()), default));

        Assert.Equal(VeoErrorIds.ConnectionFailed, error.ErrorId);
        Assert.Contains("Nothing was sent", error.Message);
        Assert.True(log.Has("attempt 3 of 3"));
    }

    [Fact]
    public async Task ABrokenDownloadResumesAndTheFileIsWhole()
    {
        await using SimulatedProvider provider = await SimulatedProvider.StartAsync();
        VeoTask task = await provider.FinishedTaskAsync();
        string whole = Path.Combine(_images.Folder, "whole.mp4");
        await provider.Client.DownloadAsync(task, 0, whole, false, null, default);
        provider.Server.State.Faults.Add(FaultTarget.Download, new Fault.TruncatedBody(0.5));
        string resumed = Path.Combine(_images.Folder, "resumed.mp4");

        await provider.Client.DownloadAsync(task, 0, resumed, false, null, default);

        Assert.Equal(await File.ReadAllBytesAsync(whole), await File.ReadAllBytesAsync(resumed));
        Assert.Equal(3, provider.Downloads);
        Assert.True(provider.Log.Has("resuming in"));
    }

    [Fact]
    public async Task ADownloadThatKeepsFailingLeavesNoFileBehind()
    {
        await using SimulatedProvider provider = await SimulatedProvider.StartAsync(o => o.MaxRetries = 1);
        VeoTask task = await provider.FinishedTaskAsync();
        provider.Server.State.Faults.Add(FaultTarget.Download, new Fault.TruncatedBody(0.3), times: 5);
        string folder = Path.Combine(_images.Folder, "out");

        VeoException error = await Assert.ThrowsAsync<VeoException>(() =>
            provider.Client.DownloadAsync(task, 0, Path.Combine(folder, "v.mp4"), false, null, default));

        Assert.Equal(VeoErrorIds.DownloadIncomplete, error.ErrorId);
        Assert.Empty(Directory.GetFiles(folder, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task AnExistingFileIsKeptUnlessOverwriteIsAsked()
    {
        await using SimulatedProvider provider = await SimulatedProvider.StartAsync();
        VeoTask task = await provider.FinishedTaskAsync();
        string path = Path.Combine(_images.Folder, "v.mp4");
        await File.WriteAllTextAsync(path, "precious");

        VeoException error = await Assert.ThrowsAsync<VeoException>(() => provider.Client.DownloadAsync(task, 0, path, false, null, default));

        Assert.Equal(VeoErrorIds.VideoFileExists, error.ErrorId);
        Assert.Equal("precious", await File.ReadAllTextAsync(path));
        Assert.Equal(0, provider.Downloads);

        await provider.Client.DownloadAsync(task, 0, path, true, null, default);
        Assert.NotEqual("precious", await File.ReadAllTextAsync(path));
    }

    [Fact]
    public async Task AnExpiredLinkIsRenewedOnceByReadingTheTaskAgain()
    {
        await using SimulatedProvider provider = await SimulatedProvider.StartAsync();
        VeoTask task = await provider.FinishedTaskAsync();
        int statusReads = provider.StatusReads;
        provider.Server.State.Faults.Add(FaultTarget.Download, new Fault.HttpStatus(403));

        await provider.Client.DownloadAsync(task, 0, Path.Combine(_images.Folder, "v.mp4"), false, null, default);

        Assert.Equal(statusReads + 1, provider.StatusReads);
        Assert.Equal(2, provider.Downloads);
    }

    [Fact]
    public async Task ALinkThatStaysExpiredIsAClearError()
    {
        await using SimulatedProvider provider = await SimulatedProvider.StartAsync();
        VeoTask task = await provider.FinishedTaskAsync();
        provider.Server.State.Faults.Add(FaultTarget.Download, new Fault.HttpStatus(404), times: 2);

        VeoException error = await Assert.ThrowsAsync<VeoException>(() =>
            provider.Client.DownloadAsync(task, 0, Path.Combine(_images.Folder, "v.mp4"), false, null, default));

        Assert.Equal(VeoErrorIds.VideoLinkExpired, error.ErrorId);
        Assert.Equal(2, provider.Downloads);
    }

    [Fact]
    public async Task AWaitRidesOutAStatusReadThatFailsAfterItsRetries()
    {
        await using SimulatedProvider provider = await SimulatedProvider.StartAsync(o => o.MaxRetries = 1);
        VeoTask task = await provider.CreateAsync(Frame());
        provider.Server.State.Faults.Add(FaultTarget.Status, new Fault.HttpStatus(503), times: 2);

        VeoTask done = await provider.Client.WaitAsync(task, TimeSpan.FromSeconds(10), null, default);

        Assert.Equal(VeoTaskStatus.Succeeded, done.Status);
        Assert.True(provider.Log.Has("trying again (1 of 3)"));
    }

    [Fact]
    public async Task AWaitGivesUpAfterTooManyFailedReadsInARow()
    {
        await using SimulatedProvider provider = await SimulatedProvider.StartAsync(o =>
        {
            o.MaxRetries = 1;
            o.MaxFailedPolls = 2;
        });
        VeoTask task = await provider.CreateAsync(Frame());
        provider.Server.State.Faults.Add(FaultTarget.Status, new Fault.MalformedJson(), times: 10);

        VeoException error = await Assert.ThrowsAsync<VeoException>(() => provider.Client.WaitAsync(task, TimeSpan.FromSeconds(10), null, default));

        Assert.Equal(VeoErrorIds.InvalidProviderResponse, error.ErrorId);
        Assert.Equal(3, provider.StatusReads);
    }

    [Fact]
    public async Task AWaitStopsAtOnceOnAnAnswerAboutTheTaskItself()
    {
        await using SimulatedProvider provider = await SimulatedProvider.StartAsync();
        VeoTask task = await provider.CreateAsync(Frame());

        VeoApiException error = await Assert.ThrowsAsync<VeoApiException>(() =>
            provider.Client.WaitAsync(task.WithConnection(provider.ConnectionWithKey("wrong")), TimeSpan.FromSeconds(10), null, default));

        Assert.Equal(VeoErrorIds.AuthenticationFailed, error.ErrorId);
        Assert.Equal(1, provider.StatusReads);
    }
}
