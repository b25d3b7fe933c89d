using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Veo.Simulator;

namespace Veo.Client.Tests.Client;

/// <summary>
/// Providers (and files) that answer in nasty ways: paid tasks stay on record, ids stay data, the key never comes back,
/// and every unusable value is an error of its own that says what to fix. The fault matrix drives the answer faults
/// per call; these are the cases it cannot express.
/// </summary>
public sealed class HostileProviderTests : IDisposable
{
    private readonly TestImages _files = new();

    public void Dispose() => _files.Dispose();

    private VideoRequest Request(string prompt = "a fox") => new()
    {
        Mode = VeoMode.FirstFrame,
        Prompt = prompt,
        Image = ImageInput.FromFile(_files.Png()),
    };

    private TaskLedger NewLedger(TimeSpan? lockWait = null) =>
        new(Path.Combine(_files.Folder, "home-" + Guid.NewGuid().ToString("N"))) { LockWait = lockWait ?? TimeSpan.FromSeconds(10) };

    private static VeoClient ClientWith(SimulatedProvider provider, TaskLedger ledger) => new(provider.Client.Options, provider.Log, ledger);

    /// <summary>Starts a create the simulator answers only after 30 s, and stops it once its intent is in the ledger.</summary>
    private static async Task StopOnceRecorded(SimulatedProvider provider, TaskLedger ledger, Func<CancellationToken, Task<VeoTask>> create)
    {
        provider.Server.State.Faults.Add(FaultTarget.Create, new Fault.Delay(TimeSpan.FromSeconds(30)));
        using var stop = new CancellationTokenSource();
        Task<VeoTask> running = create(stop.Token);
        Assert.True(await provider.EventuallyAsync(() => ledger.ReadWithUnanswered().Count == 1), "no intent was written");
        Assert.False(running.IsCompleted);
        stop.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);
    }

    [Fact]
    public async Task ACreatesIntentIsInTheLedgerBeforeItsAnswerAndAStoppedCreateStaysOnRecordWithAWarning()
    {
        await using SimulatedProvider provider = await SimulatedProvider.StartAsync();
        TaskLedger ledger = NewLedger();
        VeoClient client = ClientWith(provider, ledger);
        bool sent = false;

        await StopOnceRecorded(provider, ledger, stop => client.CreateAsync(client.Prepare(provider.Connection, Request("stopped fox")), stop, () => sent = true));

        Assert.True(sent);
        LedgerEntry unanswered = Assert.Single(ledger.ReadWithUnanswered());
        Assert.Null(unanswered.TaskId);
        Assert.Equal("stopped fox", unanswered.Prompt);
        Assert.Empty(ledger.ReadAll());
        Assert.True(provider.Log.Has("was stopped after it was sent: A task may have been created and billed"), provider.Log.All);
    }

    [Fact]
    public async Task AKeyedCreateWritesOneIntentLineWithItsKeyAndAStoppedOneLeavesTheKeyOfUnknownOutcome()
    {
        await using SimulatedProvider provider = await SimulatedProvider.StartAsync();
        TaskLedger ledger = NewLedger();
        VeoClient client = ClientWith(provider, ledger);
        PreparedCreate prepared = client.Prepare(provider.Connection, Request("keyed fox"));

        await StopOnceRecorded(provider, ledger, stop => client.CreateAsync(prepared, "row-1", force: false, stop));

        Assert.Single(File.ReadAllLines(ledger.FilePath));
        LedgerEntry unanswered = Assert.Single(ledger.ReadWithUnanswered());
        Assert.Equal(("row-1", prepared.RequestHash, "keyed fox"), (unanswered.IdempotencyKey, unanswered.RequestHash, unanswered.Prompt));
        Assert.NotNull(unanswered.Intent);
        Assert.Equal(KeyAction.OutcomeUnknown, client.CheckKey(prepared, "row-1", force: false).Action);
        Assert.Equal(KeyAction.OutcomeUnknown, new TaskLedger(ledger.Folder).Check(VeoProvider.HighwayApi, "row-1", prepared.RequestHash, force: false).Action);
    }

    [Fact]
    public async Task ACreatedTaskAnswersItsIntentAndARefusedCreateWithdrawsIt()
    {
        await using SimulatedProvider provider = await SimulatedProvider.StartAsync();
        TaskLedger ledger = NewLedger();
        VeoClient client = ClientWith(provider, ledger);

        VeoTask created = await client.CreateAsync(client.Prepare(provider.Connection, Request()), default);
        provider.Server.State.Faults.Add(FaultTarget.Create, new Fault.HttpStatus(400));
        await Assert.ThrowsAsync<VeoApiException>(() => client.CreateAsync(client.Prepare(provider.Connection, Request("refused")), default));
        provider.Server.State.Faults.Add(FaultTarget.Create, new Fault.MalformedJson());
        VeoException unreadable = await Assert.ThrowsAsync<VeoException>(() => client.CreateAsync(client.Prepare(provider.Connection, Request("unreadable")), default));

        Assert.Equal(VeoErrorIds.CreateOutcomeUnknown, unreadable.ErrorId);
        IReadOnlyList<LedgerEntry> lines = ledger.ReadWithUnanswered();
        Assert.Equal(new[] { created.TaskId, null }, lines.Select(e => e.TaskId));
        Assert.Equal("unreadable", lines[1].Prompt);
        Assert.Equal(created.TaskId, Assert.Single(ledger.ReadAll()).TaskId);
    }

    [Theory]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("..")]
    [InlineData("\u001b[2J")]
    [InlineData("ok\nline")]
    [InlineData("a lone surrogate")]
    public async Task AnUnusableTaskIdIsRefusedBeforeAnythingIsSent(string given)
    {
        // xunit cannot carry an unpaired surrogate in its test data.
        string id = given == "a lone surrogate" ? "id\ud800" : given;
        foreach (VeoProvider name in new[] { VeoProvider.HighwayApi, VeoProvider.AIHubMax, VeoProvider.Vtrix })
        {
            await using SimulatedProvider provider = await SimulatedProvider.StartAsync(provider: name);

            VeoException refused = await Assert.ThrowsAsync<VeoException>(() => provider.Client.GetTaskAsync(provider.Connection, id, default));

            Assert.Equal(VeoErrorIds.InvalidTaskId, refused.ErrorId);
            Assert.DoesNotContain("\u001b", refused.Message, StringComparison.Ordinal);
            Assert.Empty(provider.Server.State.Requests);
        }
    }

    [Fact]
    public async Task AnOverLongTaskIdIsRefused()
    {
        await using SimulatedProvider provider = await SimulatedProvider.StartAsync();

        VeoException refused = await Assert.ThrowsAsync<VeoException>(() => provider.Client.GetTaskAsync(provider.Connection, new string('a', 129), default));

        Assert.Equal(VeoErrorIds.InvalidTaskId, refused.ErrorId);
        Assert.Empty(provider.Server.State.Requests);
    }

    [Theory]
    [InlineData(VeoProvider.AIHubMax, "/v1/tasks/a%2F..%2Fb%3Fx%23y")]
    [InlineData(VeoProvider.Vtrix, "/model/v1/generation/task/a%2F..%2Fb%3Fx%23y")]
    [InlineData(VeoProvider.HighwayApi, "/v3/async/task-result?task_id=a%2F..%2Fb%3Fx%23y")]
    public async Task AnIdIsEscapedAsOnePathSegment(VeoProvider name, string expectedPath)
    {
        await using SimulatedProvider provider = await SimulatedProvider.StartAsync(provider: name);

        VeoException notFound = await Assert.ThrowsAsync<VeoApiException>(() => provider.Client.GetTaskAsync(provider.Connection, "a/../b?x#y", default));

        Assert.Equal(VeoErrorIds.TaskNotFound, notFound.ErrorId);
        Assert.Equal(expectedPath, Assert.Single(provider.Server.State.Requests).PathAndQuery);
    }

    [Fact]
    public async Task ATaskClaimingThreeHundredVideosKeepsTheFourARequestCanMake()
    {
        await using SimulatedProvider provider = await SimulatedProvider.StartAsync();
        VeoTask task = await provider.CreateAsync(Request());
        string videos = string.Join(", ", Enumerable.Range(1, 300).Select(n => $"{{\"video_url\": \"https://example.com/{n}.mp4\"}}"));
        provider.Server.State.Faults.Add(FaultTarget.Status, new Fault.Answer(200,
            $"{{\"task\": {{\"task_id\": \"{task.TaskId}\", \"status\": \"TASK_STATUS_SUCCEED\"}}, \"videos\": [{videos}]}}"));

        VeoTask read = await provider.Client.RefreshAsync(task, default);

        Assert.Equal(VeoTaskStatus.Succeeded, read.Status);
        Assert.Equal(new[] { "/1.mp4", "/2.mp4", "/3.mp4", "/4.mp4" }, read.Videos.Select(v => v.Uri.AbsolutePath));
        Assert.True(provider.Log.Has("lists 300 videos"), provider.Log.All);
    }

    [Fact]
    public async Task AKeyEchoedInAFailedTasksReasonIsMasked()
    {
        await using SimulatedProvider provider = await SimulatedProvider.StartAsync();
        VeoTask task = await provider.CreateAsync(Request());
        provider.Server.State.Faults.Add(FaultTarget.Status, new Fault.Answer(200,
            $"{{\"task\": {{\"task_id\": \"{task.TaskId}\", \"status\": \"TASK_STATUS_FAILED\", \"reason\": \"denied for {Fault.Answer.EchoedAuthorization}\"}}}}"));

        VeoTask read = await provider.Client.RefreshAsync(task, default);

        Assert.Equal(VeoTaskStatus.Failed, read.Status);
        Assert.Equal("denied for Bearer ********", read.ErrorMessage);
        Assert.DoesNotContain(SimulatedProvider.Key, provider.Log.All, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("file:///etc/passwd")]
    [InlineData("ftp://example.com/v.mp4")]
    [InlineData("data:video/mp4;base64,AAAA")]
    public async Task AVideoLinkThatIsNotHttpIsNeitherFetchedNorPassedOn(string link)
    {
        await using SimulatedProvider provider = await SimulatedProvider.StartAsync();
        VeoTask task = await provider.CreateAsync(Request());
        provider.Server.State.Faults.Add(FaultTarget.Status, new Fault.Answer(200,
            $"{{\"task\": {{\"task_id\": \"{task.TaskId}\", \"status\": \"TASK_STATUS_SUCCEED\"}}, \"videos\": [{{\"video_url\": \"{link}\"}}]}}"));
        VeoTask read = await provider.Client.RefreshAsync(task, default);
        string path = Path.Combine(_files.Folder, "linked.mp4");

        VeoException download = await Assert.ThrowsAsync<VeoException>(() => provider.Client.DownloadAsync(read, 0, path, false, null, default));
        VeoException extend = Assert.Throws<VeoException>(() => provider.Client.Prepare(provider.Connection, new VideoRequest
        {
            Mode = VeoMode.Extend,
            Prompt = "go on",
            Video = VideoInput.FromTask(read),
        }));

        Assert.Equal(VeoErrorIds.UnsupportedVideoLink, download.ErrorId);
        Assert.Equal(VeoErrorIds.UnsupportedVideoLink, extend.ErrorId);
        Assert.False(File.Exists(path));
        Assert.Equal(1, provider.Creates);
    }

    [Theory]
    [InlineData("ftp://example.com/")]
    [InlineData("file:///tmp/")]
    [InlineData("api/v3")]
    public void ABaseAddressThatIsNotHttpIsInvalidBaseUri(string address)
    {
        VeoException refused = Assert.Throws<VeoException>(() =>
            VeoConnections.Create(VeoProvider.HighwayApi, new Uri(address, UriKind.RelativeOrAbsolute), ApiKey.FromPlainText("k", "test")));

        Assert.Equal(VeoErrorIds.InvalidBaseUri, refused.ErrorId);
        Assert.Contains("https://api.highwayapi.ai/", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sim-key\r\n", VeoErrorIds.InvalidApiKey)]
    [InlineData("sim\nkey", VeoErrorIds.InvalidApiKey)]
    [InlineData("", VeoErrorIds.NoApiKey)]
    [InlineData("   ", VeoErrorIds.NoApiKey)]
    public async Task AKeyThatCannotBeSentIsRefusedBeforeAnythingIsSent(string key, string errorId)
    {
        await using SimulatedProvider provider = await SimulatedProvider.StartAsync();

        VeoException refused = await Assert.ThrowsAsync<VeoException>(() => provider.CreateAsync(Request(), provider.ConnectionWithKey(key)));

        Assert.Equal(errorId, refused.ErrorId);
        Assert.Empty(provider.Server.State.Requests);
    }

    [Fact]
    public async Task AFolderGivenAsAnImageIsInputIsAFolder()
    {
        await using SimulatedProvider provider = await SimulatedProvider.StartAsync();
        var request = new VideoRequest { Mode = VeoMode.FirstFrame, Prompt = "a fox", Image = ImageInput.FromFile(_files.Folder) };

        VeoException refused = Assert.Throws<VeoException>(() => provider.Client.Prepare(provider.Connection, request));

        Assert.Equal(VeoErrorIds.InputIsAFolder, refused.ErrorId);
        Assert.Contains(_files.Folder, refused.Message, StringComparison.Ordinal);
        Assert.Empty(provider.Server.State.Requests);
    }

    [Fact]
    public async Task AByteOrderMarkInsideAPromptNeverReachesTheProvider()
    {
        await using SimulatedProvider provider = await SimulatedProvider.StartAsync();

        VeoTask task = await provider.CreateAsync(Request("a \uFEFFfox\uFEFF"));

        Assert.Equal("a fox", task.Prompt);
        string body = provider.Server.State.Requests.Single(r => r.Method == "POST").Body!;
        using var sent = System.Text.Json.JsonDocument.Parse(body);
        Assert.Equal("a fox", sent.RootElement.GetProperty("prompt").GetString());
    }

    [Fact]
    public async Task ALongFileNameDoesNotOverflowTheTemporaryName()
    {
        await using SimulatedProvider provider = await SimulatedProvider.StartAsync();
        VeoTask done = await provider.Client.WaitAsync(await provider.CreateAsync(Request()), TimeSpan.FromSeconds(10), null, default);
        string path = Path.Combine(_files.Folder, new string('v', 240) + ".mp4");

        await provider.Client.DownloadAsync(done, 0, path, false, null, default);

        Assert.True(new FileInfo(path).Length > 100);
        Assert.Empty(Directory.GetFiles(_files.Folder, "*.partial"));
    }

    [Fact]
    public async Task OldPartialFilesOfAKilledDownloadAreRemovedByTheNextSaveIntoTheFolder()
    {
        await using SimulatedProvider provider = await SimulatedProvider.StartAsync();
        VeoTask done = await provider.Client.WaitAsync(await provider.CreateAsync(Request()), TimeSpan.FromSeconds(10), null, default);
        string folder = Directory.CreateDirectory(Path.Combine(_files.Folder, "videos")).FullName;
        string oldNew = Leftover(folder, $".veo-{Guid.NewGuid():N}.partial", TimeSpan.FromHours(2));
        string oldOld = Leftover(folder, $".task.mp4.{Guid.NewGuid():N}.partial", TimeSpan.FromDays(3));
        string fresh = Leftover(folder, $".veo-{Guid.NewGuid():N}.partial", TimeSpan.Zero);
        string someoneElses = Leftover(folder, ".notes.partial", TimeSpan.FromDays(3));

        await provider.Client.DownloadAsync(done, 0, Path.Combine(folder, "a.mp4"), false, null, default);

        Assert.False(File.Exists(oldNew));
        Assert.False(File.Exists(oldOld));
        Assert.True(File.Exists(fresh), "a download in progress elsewhere keeps its file");
        Assert.True(File.Exists(someoneElses), "files this module did not name are kept");
    }

    [FactWithFullDevice]
    public void AFullDiskIsRecognisedFromTheErrorTheSystemGives()
    {
        IOException full = Assert.Throws<IOException>(() =>
        {
            using var device = new FileStream("/dev/full", FileMode.Open, FileAccess.Write);
            device.Write(new byte[16]);
            device.Flush();
        });

        Assert.True(PartialFiles.IsDiskFull(full), $"{full.HResult}: {full.Message}");
        Assert.False(PartialFiles.IsDiskFull(new IOException("connection reset")));
    }

    [FactAsRootOnLinux]
    public async Task ADownloadOntoAFullDiskIsDiskFullAndLeavesNothing()
    {
        string mount = Directory.CreateDirectory(Path.Combine(_files.Folder, "small-disk")).FullName;
        Assert.True(Run("mount", $"-t tmpfs -o size=4k tmpfs {mount}"), "could not mount a 4 KB tmpfs");
        try
        {
            await using SimulatedProvider provider = await SimulatedProvider.StartAsync();
            VeoTask done = await provider.Client.WaitAsync(await provider.CreateAsync(Request()), TimeSpan.FromSeconds(10), null, default);
            string path = Path.Combine(mount, "big.mp4");

            VeoException full = await Assert.ThrowsAsync<VeoException>(() => provider.Client.DownloadAsync(done, 0, path, false, null, default));

            Assert.Equal(VeoErrorIds.DiskFull, full.ErrorId);
            Assert.Contains("Free some space", full.Message, StringComparison.Ordinal);
            Assert.Empty(Directory.GetFileSystemEntries(mount));
            Assert.Equal(1, provider.Downloads);
        }
        finally
        {
            Run("umount", mount);
        }
    }

    [Fact]
    public async Task AFolderThatCannotBeWrittenIsVideoPathNotWritable()
    {
        await using SimulatedProvider provider = await SimulatedProvider.StartAsync();
        VeoTask done = await provider.Client.WaitAsync(await provider.CreateAsync(Request()), TimeSpan.FromSeconds(10), null, default);
        string blocker = _files.Png("blocker.png");

        VeoException refused = await Assert.ThrowsAsync<VeoException>(() =>
            provider.Client.DownloadAsync(done, 0, Path.Combine(blocker, "a.mp4"), false, null, default));

        Assert.Equal(VeoErrorIds.VideoPathNotWritable, refused.ErrorId);
        Assert.Contains(blocker, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EachUnusableLedgerLineIsOneWarningAndTheOthersAreRead()
    {
        TaskLedger ledger = NewLedger();
        ledger.Append(Entry("first", "https://api.highwayapi.ai/"));
        ledger.Append(Entry("relative", "v3/async"));
        ledger.Append(Entry("file", "file:///etc/"));
        ledger.Append(Entry("..", "https://api.highwayapi.ai/"));
        ledger.Append(Entry("last", "https://api.highwayapi.ai/"));
        var warnings = new List<string>();

        IReadOnlyList<LedgerEntry> entries = ledger.ReadAll(warnings.Add);

        Assert.Equal(new[] { "first", "last" }, entries.Select(e => e.TaskId));
        Assert.Equal(3, warnings.Count);
        Assert.Contains("Line 2", warnings[0], StringComparison.Ordinal);
        Assert.Contains("relative address", warnings[0], StringComparison.Ordinal);
        Assert.Contains("file:", warnings[1], StringComparison.Ordinal);
        Assert.Contains("task id", warnings[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALockedLedgerIsWaitedForThenReportedAsLedgerLocked()
    {
        TaskLedger ledger = NewLedger(TimeSpan.FromMilliseconds(300));
        ledger.Append(Entry("held", "https://api.highwayapi.ai/"));
        using (new FileStream(ledger.FilePath, FileMode.Open, FileAccess.ReadWrite, FileShare.None))
        {
            VeoException locked = Assert.Throws<VeoException>(() => ledger.ReadAll());
            Assert.Equal(VeoErrorIds.LedgerLocked, locked.ErrorId);
            Assert.Contains(ledger.FilePath, locked.Message, StringComparison.Ordinal);
        }

        TaskLedger patient = new(ledger.Folder) { LockWait = TimeSpan.FromSeconds(30) };
        var holder = new FileStream(ledger.FilePath, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
        Task release = Task.Run(async () =>
        {
            await Task.Delay(300);
            holder.Dispose();
        });
        var waited = Stopwatch.StartNew();

        Assert.Equal("held", Assert.Single(patient.ReadAll()).TaskId);
        Assert.True(waited.ElapsedMilliseconds >= 200, "the read should have waited for the lock");
        await release;
    }

    private static LedgerEntry Entry(string id, string baseUri) =>
        new(id, VeoProvider.HighwayApi, new Uri(baseUri, UriKind.RelativeOrAbsolute), "m", VeoMode.Text, "p", DateTimeOffset.UtcNow);

    private static string Leftover(string folder, string name, TimeSpan age)
    {
        string path = Path.Combine(folder, name);
        File.WriteAllText(path, "partial");
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow - age);
        return path;
    }

    private static bool Run(string command, string arguments)
    {
        try
        {
            using Process process = Process.Start(new ProcessStartInfo(command, arguments) { RedirectStandardError = true, RedirectStandardOutput = true })!;
            process.WaitForExit();
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}

/// <summary>A fact that needs /dev/full (Linux), whose writes always fail with "no space left on device".</summary>
public sealed class FactWithFullDeviceAttribute : FactAttribute
{
    public FactWithFullDeviceAttribute()
    {
        if (!File.Exists("/dev/full"))
        {
            Skip = "needs /dev/full";
        }
    }
}

/// <summary>A fact that mounts a tiny tmpfs, which needs root on Linux.</summary>
public sealed class FactAsRootOnLinuxAttribute : FactAttribute
{
    public FactAsRootOnLinuxAttribute()
    {
        if (!OperatingSystem.IsLinux() || Environment.UserName != "root")
        {
            Skip = "needs root on Linux to mount a small tmpfs";
        }
    }
}
