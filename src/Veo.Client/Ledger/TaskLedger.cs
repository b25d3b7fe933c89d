using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading;

namespace Veo.Client;

/// <summary>
/// A task as the ledger remembers it: enough to find it again, the key it was created under, its last known status
/// and the files saved from it. Never the API key. <paramref name="Intent"/> pairs the task with the line written
/// before its create request was sent; an entry with an intent and no task id is a create that was sent and never
/// named its task.
/// </summary>
public sealed record LedgerEntry(
    string TaskId, VeoProvider Provider, Uri BaseUri, string? Model, VeoMode? Mode, string? Prompt, DateTimeOffset CreatedAt,
    string? IdempotencyKey = null, string? RequestHash = null, string? Intent = null)
{
    /// <summary>True for a create request that was sent and never named its task: a task may exist and be billed.</summary>
    internal bool IsIntent => TaskId is null && Intent is not null;

    /// <summary>The status last seen by any command (Queued when only the create is known).</summary>
    public VeoTaskStatus Status { get; init; } = VeoTaskStatus.Queued;

    /// <summary>The files saved from the task, in the order they were saved.</summary>
    public IReadOnlyList<string> SavedFiles { get; init; } = Array.Empty<string>();
}

/// <summary>
/// Every created task, one JSON line each, in a per-user file (<c>$env:VEO_HOME</c> overrides the folder). A task
/// is paid for the moment it is created, so every create is written down before it is sent (with its idempotency key
/// and the request's fingerprint, when keyed) and again when it names its task. Later lines add what became known
/// (status, saved files). Several processes may append at once: each append holds an exclusive lock on the file,
/// waited for at most <see cref="LockWait"/>. The file is read once per process and then only from where the last
/// read ended; each line that cannot be used is reported once and skipped.
/// </summary>
public sealed class TaskLedger
{
    public const string FileName = "tasks.jsonl";

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>Up to this many newest entries are read from the end of a ledger the process has not read yet.</summary>
    private const int TailReadLimit = 1000;

    /// <summary>One index per ledger file, shared by every command of the process.</summary>
    private static readonly ConcurrentDictionary<string, LedgerIndex> Indexes = new(StringComparer.Ordinal);

    /// <summary>How many of the index's unreadable lines this instance has reported already (each is reported once per instance).</summary>
    private int _reported;

    public TaskLedger(string folder)
    {
        Folder = folder;
    }

    /// <summary>The ledger of this user: <c>$env:VEO_HOME</c>, else the local application-data folder's Veo folder.</summary>
    public static TaskLedger ForCurrentUser() => new(DefaultFolder());

    public string Folder { get; }

    public string FilePath => Path.Combine(Folder, FileName);

    /// <summary>How long a read or an append waits for another process's lock before it reports the ledger as locked.</summary>
    public TimeSpan LockWait { get; init; } = TimeSpan.FromSeconds(10);

    private LedgerIndex Index => Indexes.GetOrAdd(Path.GetFullPath(FilePath), _ => new LedgerIndex(FilePath));

    /// <summary>A created task; <paramref name="intent"/> names the line written before its create was sent.</summary>
    public void Record(VeoTask task, string? intent = null) => Append(new LedgerEntry(
        task.TaskId, task.Provider, task.BaseUri, task.Model, task.Mode, task.Prompt, task.CreatedAt ?? DateTimeOffset.UtcNow,
        task.IdempotencyKey, task.Details.RequestHash, intent));

    public void Append(LedgerEntry entry) => Write(LedgerLine.Created(entry));

    /// <summary>Written before an unkeyed create is sent: until a task line with the same intent follows, a task may exist unseen.</summary>
    internal void RecordIntent(string intent, VeoConnection connection, TaskDetails details) =>
        Write(LedgerLine.Sending(intent, connection, details));

    /// <summary>
    /// Written when the provider refused the create, or it never reached the provider: the intent made no task, and a
    /// keyed re-run may send it again.
    /// </summary>
    internal void RecordNotCreated(string intent, VeoConnection connection, string? idempotencyKey) => Write(new LedgerLine
    {
        Kind = LedgerLine.NotCreatedKind, Intent = intent, IdempotencyKey = idempotencyKey, Provider = connection.Provider, At = DateTimeOffset.UtcNow,
    });

    /// <summary>Notes a finished task's status, once per status.</summary>
    public void RecordStatus(VeoTask task)
    {
        if (!task.IsFinished)
        {
            return;
        }

        if (Query(index => index.Find(task.Provider, task.TaskId)?.Status, skipped: null) == task.Status)
        {
            return;
        }

        Write(new LedgerLine { Kind = LedgerLine.StatusKind, TaskId = task.TaskId, Provider = task.Provider, Status = task.Status, At = DateTimeOffset.UtcNow });
    }

    /// <summary>Notes a file saved from a task (which has then succeeded).</summary>
    public void RecordSaved(VeoTask task, string path) => Write(new LedgerLine
    {
        Kind = LedgerLine.SavedKind, TaskId = task.TaskId, Provider = task.Provider, Status = VeoTaskStatus.Succeeded, Path = path, At = DateTimeOffset.UtcNow,
    });

    /// <summary>
    /// All task entries, oldest first. Each line that cannot be used is skipped and reported through
    /// <paramref name="skipped"/>, once per instance.
    /// </summary>
    public IReadOnlyList<LedgerEntry> ReadAll(Action<string>? skipped = null) =>
        Query(index => index.Newest(int.MaxValue, withUnanswered: false).AsEnumerable().Reverse().ToArray(), skipped);

    /// <summary>
    /// Tasks and create requests that were sent but never named a task (interrupted, or answered unreadably), oldest
    /// first: the entries whose <see cref="LedgerEntry.TaskId"/> is null may be tasks the provider bills.
    /// </summary>
    public IReadOnlyList<LedgerEntry> ReadWithUnanswered(Action<string>? skipped = null) =>
        Query(index => index.Newest(int.MaxValue, withUnanswered: true).AsEnumerable().Reverse().ToArray(), skipped);

    /// <summary>
    /// The newest entries first (all, or the last <paramref name="count"/>), with the unanswered creates among them when
    /// <paramref name="withUnanswered"/>. When this process has not read the ledger yet, only the end of the file is
    /// read (a few entries of a long ledger need not cost the whole file).
    /// </summary>
    public IReadOnlyList<LedgerEntry> Newest(int count, Action<string>? skipped = null, bool withUnanswered = false)
    {
        LedgerIndex index = Index;
        lock (index)
        {
            if (index.Length == 0 && count <= TailReadLimit && File.Exists(FilePath))
            {
                return ReadNewest(count, withUnanswered, skipped);
            }
        }

        return Query(all => all.Newest(count, withUnanswered), skipped);
    }

    /// <summary>The newest entry for a task id (of any provider), if the ledger has one.</summary>
    public LedgerEntry? Find(string taskId, Action<string>? skipped = null) => Query(index => index.FindById(taskId), skipped);

    /// <summary>
    /// What a create under <paramref name="key"/> should do, as the ledger knows it now. Nothing is written:
    /// <see cref="Reserve"/> checks again and writes the intent just before sending.
    /// </summary>
    public KeyDecision Check(VeoProvider provider, string key, string requestHash, bool force, Action<string>? skipped = null) =>
        Query(index => index.Decide(provider, key, requestHash, force), skipped);

    /// <summary>
    /// Checks the key of <paramref name="details"/> again under the file's lock (another process may have used it
    /// meanwhile) and, when a create is to be sent, writes its intent with the key and the request's fingerprint: if no
    /// answer is recorded later, its fate is unknown.
    /// </summary>
    internal KeyDecision Reserve(string intent, VeoConnection connection, TaskDetails details, bool force)
    {
        string key = details.IdempotencyKey ?? throw new ArgumentException("A reserved create needs an idempotency key.", nameof(details));
        string requestHash = details.RequestHash ?? throw new ArgumentException("A reserved create needs the request's fingerprint.", nameof(details));
        LedgerIndex index = Index;
        lock (index)
        {
            Directory.CreateDirectory(Folder);
            using FileStream file = OpenLocked(FileMode.OpenOrCreate, FileAccess.ReadWrite);
            CatchUp(index, file);
            KeyDecision decision = index.Decide(connection.Provider, key, requestHash, force);
            if (decision.Action == KeyAction.Create)
            {
                AppendTo(index, file, LedgerLine.Sending(intent, connection, details));
            }

            return decision;
        }
    }

    /// <summary>
    /// Takes in what was appended since the last read, runs <paramref name="query"/> on the index, and reports the
    /// unusable lines this instance has not reported yet (some are found only when the query parses their entry).
    /// </summary>
    private T Query<T>(Func<LedgerIndex, T> query, Action<string>? skipped)
    {
        LedgerIndex index = Index;
        lock (index)
        {
            if (!File.Exists(FilePath))
            {
                index.Reset();
                _reported = 0;
            }
            else
            {
                using FileStream file = OpenLocked(FileMode.Open, FileAccess.Read);
                CatchUp(index, file);
            }

            T result = query(index);
            for (; skipped is not null && _reported < index.BadLines.Count; _reported++)
            {
                skipped(index.BadLines[_reported]);
            }

            return result;
        }
    }

    private void Write(LedgerLine line)
    {
        LedgerIndex index = Index;
        lock (index)
        {
            Directory.CreateDirectory(Folder);
            using FileStream file = OpenLocked(FileMode.OpenOrCreate, FileAccess.ReadWrite);
            CatchUp(index, file);
            AppendTo(index, file, line);
        }
    }

    /// <summary>Appends at the end of the locked file; the index takes the line in as it would read it (checks included).</summary>
    private static void AppendTo(LedgerIndex index, FileStream file, LedgerLine line)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(line, JsonOptions) + "\n");
        file.Seek(0, SeekOrigin.End);
        file.Write(bytes, 0, bytes.Length);
        index.Length += index.TakeLines(bytes, 0);
    }

    /// <summary>Reads what was appended since the index last read the file (all of it when the file was replaced).</summary>
    private void CatchUp(LedgerIndex index, FileStream file)
    {
        if (file.Length < index.Length)
        {
            index.Reset();
            _reported = 0;
        }

        if (file.Length == index.Length)
        {
            return;
        }

        byte[] bytes = ReadFrom(file, index.Length);
        index.Length += index.TakeLines(bytes, 0);
    }

    /// <summary>The newest entries from the end of the file only, growing the part read until it holds enough of them.</summary>
    private IReadOnlyList<LedgerEntry> ReadNewest(int count, bool withUnanswered, Action<string>? skipped)
    {
        using FileStream file = OpenLocked(FileMode.Open, FileAccess.Read);
        for (long size = 256 * 1024; ; size *= 4)
        {
            long from = Math.Max(0, file.Length - size);
            byte[] bytes = ReadFrom(file, from);
            int first = from == 0 ? 0 : Array.IndexOf(bytes, (byte)'\n') + 1;
            var tail = new LedgerIndex(FilePath);
            tail.TakeLines(bytes, first, fromFileStart: from == 0);
            List<LedgerEntry> newest = tail.Newest(count, withUnanswered);
            if (newest.Count >= count || from == 0)
            {
                tail.BadLines.ForEach(line => skipped?.Invoke(line));
                return newest;
            }
        }
    }

    private static byte[] ReadFrom(FileStream file, long offset)
    {
        file.Seek(offset, SeekOrigin.Begin);
        byte[] bytes = new byte[file.Length - offset];
        int read = 0;
        while (read < bytes.Length)
        {
            int n = file.Read(bytes, read, bytes.Length - read);
            if (n == 0)
            {
                break;
            }

            read += n;
        }

        return read == bytes.Length ? bytes : bytes.AsSpan(0, read).ToArray();
    }

    /// <summary>
    /// Opens the file exclusively, waiting while another process holds it (an append takes microseconds), at most
    /// <see cref="LockWait"/>: then LedgerLocked says which file is held.
    /// </summary>
    private FileStream OpenLocked(FileMode mode, FileAccess access)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        for (int attempt = 0; ; attempt++)
        {
            try
            {
                return new FileStream(FilePath, mode, access, FileShare.None);
            }
            catch (IOException ex) when (File.Exists(FilePath) && ex is not FileNotFoundException and not DirectoryNotFoundException)
            {
                if (waited.Elapsed >= LockWait)
                {
                    throw new VeoException(VeoErrorIds.LedgerLocked, VeoErrorKind.ResourceUnavailable,
                        $"The task ledger {FilePath} is held by another process and stayed locked for {LockWait.TotalSeconds:0.#} s ({ex.Message}). " +
                        "Close the program that holds it (an editor, a sync tool), then run the command again.", ex) { Target = FilePath };
                }

                Thread.Sleep(10 + attempt % 10);
            }
        }
    }

    private static string DefaultFolder()
    {
        string? home = Environment.GetEnvironmentVariable("VEO_HOME");
        if (!string.IsNullOrWhiteSpace(home))
        {
            return home!;
        }

        string data = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
        if (string.IsNullOrEmpty(data))
        {
            data = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
        }

        return Path.Combine(data, "Veo");
    }
}
