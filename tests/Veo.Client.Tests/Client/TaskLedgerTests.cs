using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;

namespace Veo.Client.Tests.Client;

public sealed class TaskLedgerTests : IDisposable
{
    private readonly TestImages _folder = new();
    private readonly TaskLedger _ledger;

    public TaskLedgerTests()
    {
        _ledger = new TaskLedger(Path.Combine(_folder.Folder, "veo-home"));
    }

    public void Dispose() => _folder.Dispose();

    private static LedgerEntry Entry(string id, string prompt = "a fox") =>
        new(id, VeoProvider.AIHubMax, new Uri("https://api.aihubmax.com/"), "veo-3.1-image-to-video", VeoMode.FirstFrame, prompt, DateTimeOffset.UtcNow);

    [Fact]
    public void EntriesComeBackAsWritten()
    {
        LedgerEntry written = Entry("task-1", "雪中的狐狸, \"quoted\"\nnew line");
        _ledger.Append(written);

        LedgerEntry read = Assert.Single(_ledger.ReadAll());

        Assert.Equal(written, read);
    }

    [Fact]
    public void AnEmptyOrMissingLedgerHasNoEntries() => Assert.Empty(_ledger.ReadAll());

    [Fact]
    public void FindGivesTheNewestEntryForAnId()
    {
        _ledger.Append(Entry("a", "first"));
        _ledger.Append(Entry("b"));
        _ledger.Append(Entry("a", "second"));

        Assert.Equal("second", _ledger.Find("a")!.Prompt);
        Assert.Null(_ledger.Find("c"));
    }

    [Fact]
    public void ACorruptLineIsSkippedAndReported()
    {
        _ledger.Append(Entry("a"));
        File.AppendAllText(_ledger.FilePath, "{not json\n{\"taskId\":\"no-base-uri\"}\n");
        _ledger.Append(Entry("b"));
        var reports = new List<string>();

        IReadOnlyList<LedgerEntry> entries = _ledger.ReadAll(reports.Add);

        Assert.Equal(new[] { "a", "b" }, entries.Select(e => e.TaskId));
        Assert.Equal(2, reports.Count);
        Assert.Contains("Line 2", reports[0]);
    }

    [Fact]
    public async Task ManyWritersAtOnceLeaveAValidLedger()
    {
        var writers = Enumerable.Range(0, 8).Select(w => Task.Run(() =>
        {
            var ledger = new TaskLedger(_ledger.Folder);
            for (int i = 0; i < 50; i++)
            {
                ledger.Append(Entry($"w{w}-{i}", new string('x', 2000)));
            }
        }));
        await Task.WhenAll(writers);
        var reports = new List<string>();

        IReadOnlyList<LedgerEntry> entries = _ledger.ReadAll(reports.Add);

        Assert.Empty(reports);
        Assert.Equal(400, entries.Select(e => e.TaskId).Distinct().Count());
    }

    [Fact]
    public async Task ACreatedTaskIsInTheLedgerWhenCreateReturnsAndTheKeyIsNot()
    {
        await using SimulatedProvider provider = await SimulatedProvider.StartAsync();
        var client = new VeoClient(provider.Client.Options, null, _ledger);
        var request = new VideoRequest { Mode = VeoMode.FirstFrame, Prompt = "a fox", Image = ImageInput.FromUrl(new Uri("https://example.com/a.png")) };

        VeoTask task = await client.CreateAsync(client.Prepare(provider.Connection, request), default);

        LedgerEntry entry = Assert.Single(_ledger.ReadAll());
        Assert.Equal(task.TaskId, entry.TaskId);
        Assert.Equal(VeoProvider.HighwayApi, entry.Provider);
        Assert.Equal(provider.Server.BaseUri, entry.BaseUri);
        Assert.Equal("veo-3.1-fast-generate-img2video", entry.Model);
        Assert.DoesNotContain(SimulatedProvider.Key, File.ReadAllText(_ledger.FilePath));
    }

    [Fact]
    public async Task ATaskReadByIdKeepsWhatTheLedgerKnew()
    {
        await using SimulatedProvider provider = await SimulatedProvider.StartAsync();
        var client = new VeoClient(provider.Client.Options, null, _ledger);
        var request = new VideoRequest { Mode = VeoMode.Reference, Prompt = "a fox", ReferenceImages = new[] { ImageInput.FromUrl(new Uri("https://example.com/a.png")) } };
        VeoTask created = await client.CreateAsync(client.Prepare(provider.Connection, request), default);

        VeoTask read = await client.GetTaskAsync(provider.Connection, created.TaskId, default, _ledger.Find(created.TaskId));

        Assert.Equal(VeoMode.Reference, read.Mode);
        Assert.Equal("a fox", read.Prompt);
        Assert.Equal(created.CreatedAt!.Value.ToUnixTimeSeconds(), read.CreatedAt!.Value.ToUnixTimeSeconds());
    }

    [Fact]
    public void KeysIdsAndTextThatLookLikePropertiesReadBackExactly()
    {
        var tricky = new LedgerEntry(
            "id-\"quoted\"", VeoProvider.Vtrix, new Uri("https://cloud.vtrix.ai/"), "m", VeoMode.Text,
            "a prompt with \"taskId\":\"fake\" and \"kind\":\"status\" inside", DateTimeOffset.UtcNow, "key\\with\"escapes", "hash");
        _ledger.Append(Entry("plain"));
        _ledger.Append(tricky);

        Assert.Equal(new[] { "plain", tricky.TaskId }, _ledger.ReadAll().Select(e => e.TaskId));
        Assert.Equal(tricky, new TaskLedger(_ledger.Folder).Find(tricky.TaskId));
        KeyDecision decision = _ledger.Check(VeoProvider.Vtrix, "key\\with\"escapes", "hash", force: false);
        Assert.Equal(KeyAction.Reuse, decision.Action);
    }

    [Fact]
    public void TheNewestEntriesReadFromTheEndOfAFileMatchAFullRead()
    {
        string folder = Path.Combine(_folder.Folder, "tail-home");
        var writer = new TaskLedger(folder);
        for (int i = 0; i < 3000; i++)
        {
            writer.Append(Entry($"t{i}", new string('x', 200)));
        }

        File.AppendAllText(writer.FilePath, "{broken\n");
        writer.Append(Entry("last"));
        var copy = Path.Combine(_folder.Folder, "tail-copy");
        Directory.CreateDirectory(copy);
        File.Copy(writer.FilePath, Path.Combine(copy, TaskLedger.FileName));
        var reports = new List<string>();

        IReadOnlyList<LedgerEntry> fromTail = new TaskLedger(copy).Newest(1000, reports.Add);

        Assert.Equal(writer.ReadAll().Reverse().Take(1000).Select(e => e.TaskId), fromTail.Select(e => e.TaskId));
        Assert.Contains("cannot be read", Assert.Single(reports));
    }

    [Fact]
    public void IntentsReadBackAlikeFromTheLinesWrittenAndFromTheFileInAnotherProcess()
    {
        var connection = new VeoConnection(VeoProvider.Vtrix, new Uri("https://cloud.vtrix.ai/"), null);
        var keyed = new TaskDetails("m", VeoMode.Text, "a \"kind\":\"sending\" prompt", DateTimeOffset.UtcNow, "row-1", "h1");
        Assert.Equal(KeyAction.Create, _ledger.Reserve("answered", connection, keyed, force: false).Action);
        _ledger.Append(Entry("t1") with { Provider = VeoProvider.Vtrix, IdempotencyKey = "row-1", RequestHash = "h1", Intent = "answered" });
        _ledger.RecordIntent("refused", connection, keyed with { IdempotencyKey = null, RequestHash = null });
        _ledger.RecordNotCreated("refused", connection, null);
        Assert.Equal(KeyAction.Create, _ledger.Reserve("unanswered", connection, keyed with { IdempotencyKey = "row-2" }, force: false).Action);
        string copy = Path.Combine(_folder.Folder, "intents-copy");
        Directory.CreateDirectory(copy);
        File.Copy(_ledger.FilePath, Path.Combine(copy, TaskLedger.FileName));
        var elsewhere = new TaskLedger(copy);

        foreach (TaskLedger ledger in new[] { _ledger, elsewhere })
        {
            IReadOnlyList<LedgerEntry> lines = ledger.ReadWithUnanswered();
            Assert.Equal(new[] { "t1", null }, lines.Select(e => e.TaskId));
            Assert.Equal(("unanswered", "row-2", keyed.Prompt), (lines[1].Intent, lines[1].IdempotencyKey, lines[1].Prompt));
            Assert.Equal(KeyAction.Reuse, ledger.Check(VeoProvider.Vtrix, "row-1", "h1", force: false).Action);
            Assert.Equal(KeyAction.OutcomeUnknown, ledger.Check(VeoProvider.Vtrix, "row-2", "h1", force: false).Action);
        }

        string tail = Path.Combine(_folder.Folder, "intents-tail");
        Directory.CreateDirectory(tail);
        File.Copy(_ledger.FilePath, Path.Combine(tail, TaskLedger.FileName));
        Assert.Equal(new[] { null, "t1" }, new TaskLedger(tail).Newest(2, withUnanswered: true).Select(e => e.TaskId));
    }

    [Fact]
    public void AKeyFollowsItsRules()
    {
        var connection = new VeoConnection(VeoProvider.HighwayApi, new Uri("https://api.highwayapi.ai/"), null);
        KeyDecision Reserve(string intent, string key, string hash) =>
            _ledger.Reserve(intent, connection, new TaskDetails("m", VeoMode.Text, "p", DateTimeOffset.UtcNow, key, hash), force: false);
        Assert.Equal(KeyAction.Create, _ledger.Check(VeoProvider.HighwayApi, "k", "h1", force: false).Action);
        Assert.Equal(KeyAction.Create, Reserve("i1", "k", "h1").Action);
        Assert.Equal(KeyAction.OutcomeUnknown, _ledger.Check(VeoProvider.HighwayApi, "k", "h1", force: false).Action);
        Assert.Equal(KeyAction.Conflict, _ledger.Check(VeoProvider.HighwayApi, "k", "h2", force: true).Action);
        Assert.Equal(KeyAction.Create, _ledger.Check(VeoProvider.AIHubMax, "k", "h2", force: false).Action);
        Assert.Equal(KeyAction.Create, _ledger.Check(VeoProvider.HighwayApi, "k", "h1", force: true).Action);

        _ledger.Append(Entry("first") with { Provider = VeoProvider.HighwayApi, IdempotencyKey = "k", RequestHash = "h1" });
        KeyDecision reuse = _ledger.Check(VeoProvider.HighwayApi, "k", "h1", force: false);
        Assert.Equal(KeyAction.Reuse, reuse.Action);
        Assert.Equal("first", reuse.Task!.TaskId);

        Reserve("i2", "other", "h3");
        Assert.Equal(new[] { "i1", "i2" }, _ledger.ReadWithUnanswered().Where(e => e.IsIntent).Select(e => e.Intent));
        _ledger.RecordNotCreated("i2", connection, "other");
        Assert.Equal(KeyAction.Create, _ledger.Check(VeoProvider.HighwayApi, "other", "h4", force: false).Action);
        Assert.Equal("i1", Assert.Single(_ledger.ReadWithUnanswered(), e => e.IsIntent).Intent);
    }
}
