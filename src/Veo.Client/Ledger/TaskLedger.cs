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
/// and the files saved from it. Never the API key.
/// </summary>
public sealed record LedgerEntry(
    string TaskId, VeoProvider Provider, Uri BaseUri, string? Model, VeoMode? Mode, string? Prompt, DateTimeOffset CreatedAt,
    string? IdempotencyKey = null, string? RequestHash = null)
{
    /// <summary>The status last seen by any command (Queued when only the create is known).</summary>
    public VeoTaskStatus Status { get; init; } = VeoTaskStatus.Queued;

    /// <summary>The files saved from the task, in the order they were saved.</summary>
    public IReadOnlyList<string> SavedFiles { get; init; } = Array.Empty<string>();
}

/// <summary>
/// Every created task, one JSON line each, in a per-user file (<c>$env:VEO_HOME</c> overrides the folder). A task
/// is paid for the moment it is created, so it is written down before the create call returns; a keyed create is
/// written down before it is sent. Later lines add what became known (status, saved files). Several processes may
/// append at once: each append holds an exclusive lock on the file. The file is read once per process and then
/// only from where the last read ended.
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

    private LedgerIndex Index => Indexes.GetOrAdd(Path.GetFullPath(FilePath), _ => new LedgerIndex());

    public void Record(VeoTask task) => Append(new LedgerEntry(
        task.TaskId, task.Provider, task.BaseUri, task.Model, task.Mode, task.Prompt, task.CreatedAt ?? DateTimeOffset.UtcNow,
        task.IdempotencyKey, task.Details.RequestHash));

    public void Append(LedgerEntry entry) => Write(LedgerLine.Created(entry));

    /// <summary>Notes a finished task's status, once per status.</summary>
    public void RecordStatus(VeoTask task)
    {
        if (!task.IsFinished)
        {
            return;
        }

        Refresh(skipped: null);
        LedgerIndex index = Index;
        lock (index)
        {
            if (index.Find(task.Provider, task.TaskId)?.Status == task.Status)
            {
                return;
            }
        }

        Write(new LedgerLine { Kind = LedgerLine.StatusKind, TaskId = task.TaskId, Provider = task.Provider, Status = task.Status, At = DateTimeOffset.UtcNow });
    }

    /// <summary>Notes a file saved from a task (which has then succeeded).</summary>
    public void RecordSaved(VeoTask task, string path) => Write(new LedgerLine
    {
        Kind = LedgerLine.SavedKind, TaskId = task.TaskId, Provider = task.Provider, Status = VeoTaskStatus.Succeeded, Path = path, At = DateTimeOffset.UtcNow,
    });

    /// <summary>
    /// All entries, oldest first. Lines that cannot be read are skipped and reported through <paramref name="skipped"/>,
    /// once per instance.
    /// </summary>
    public IReadOnlyList<LedgerEntry> ReadAll(Action<string>? skipped = null)
    {
        Refresh(skipped);
        LedgerIndex index = Index;
        lock (index)
        {
            return index.Newest(int.MaxValue).AsEnumerable().Reverse().ToArray();
        }
    }

    /// <summary>
    /// The newest entries first (all, or the last <paramref name="count"/>). When this process has not read the ledger
    /// yet, only the end of the file is read (a few entries of a long ledger need not cost the whole file).
    /// </summary>
    public IReadOnlyList<LedgerEntry> Newest(int count, Action<string>? skipped = null)
    {
        LedgerIndex index = Index;
        lock (index)
        {
            if (index.Length == 0 && count <= TailReadLimit && File.Exists(FilePath))
            {
                return ReadNewest(count, skipped);
            }
        }

        Refresh(skipped);
        lock (index)
        {
            return index.Newest(count);
        }
    }

    /// <summary>The newest entry for a task id (of any provider), if the ledger has one.</summary>
    public LedgerEntry? Find(string taskId, Action<string>? skipped = null)
    {
        Refresh(skipped);
        LedgerIndex index = Index;
        lock (index)
        {
            return index.FindById(taskId);
        }
    }

    /// <summary>
    /// What a create under <paramref name="key"/> should do, as the ledger knows it now. Nothing is written:
    /// <see cref="Reserve"/> checks again and writes the intent just before sending.
    /// </summary>
    public KeyDecision Check(VeoProvider provider, string key, string requestHash, bool force, Action<string>? skipped = null)
    {
        Refresh(skipped);
        LedgerIndex index = Index;
        lock (index)
        {
            return index.Decide(provider, key, requestHash, force);
        }
    }

    /// <summary>
    /// Checks the key again under the file's lock (another process may have used it meanwhile) and, when a create
    /// is to be sent, writes that it is being sent: if no answer is recorded later, its fate is unknown.
    /// </summary>
    public KeyDecision Reserve(VeoProvider provider, Uri baseUri, string key, string requestHash, bool force)
    {
        LedgerIndex index = Index;
        lock (index)
        {
            Directory.CreateDirectory(Folder);
            using FileStream file = OpenLocked(FileMode.OpenOrCreate, FileAccess.ReadWrite);
            CatchUp(index, file);
            KeyDecision decision = index.Decide(provider, key, requestHash, force);
            if (decision.Action == KeyAction.Create)
            {
                var intent = new LedgerLine
                {
                    Kind = LedgerLine.SendingKind, IdempotencyKey = key, RequestHash = requestHash, Provider = provider, BaseUri = baseUri, At = DateTimeOffset.UtcNow,
                };
                AppendTo(index, file, intent);
            }

            return decision;
        }
    }

    /// <summary>Notes that a keyed create was answered with a refusal, or never left: nothing was created under the key.</summary>
    public void RecordNotCreated(VeoProvider provider, string key) =>
        Write(new LedgerLine { Kind = LedgerLine.NotCreatedKind, IdempotencyKey = key, Provider = provider, At = DateTimeOffset.UtcNow });

    /// <summary>Takes in what was appended since the last read; reports unreadable lines this instance has not reported yet.</summary>
    private void Refresh(Action<string>? skipped)
    {
        LedgerIndex index = Index;
        lock (index)
        {
            if (!File.Exists(FilePath))
            {
                index.Reset();
                return;
            }

            using (FileStream file = OpenLocked(FileMode.Open, FileAccess.Read))
            {
                CatchUp(index, file);
            }

            for (; skipped is not null && _reported < index.BadLines.Count; _reported++)
            {
                skipped(index.BadLines[_reported]);
            }
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

    /// <summary>Appends at the end of the locked file; the index takes the line in as if it had read it.</summary>
    private static void AppendTo(LedgerIndex index, FileStream file, LedgerLine line)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(line, JsonOptions) + "\n");
        file.Seek(0, SeekOrigin.End);
        file.Write(bytes, 0, bytes.Length);
        index.Length = file.Length;
        index.LineCount++;
        index.Apply(line);
    }

    /// <summary>Reads what was appended since the index last read the file (all of it when the file was replaced).</summary>
    private void CatchUp(LedgerIndex index, FileStream file)
    {
        if (file.Length < index.Length)
        {
            index.Reset();
        }

        if (file.Length == index.Length)
        {
            return;
        }

        byte[] bytes = ReadFrom(file, index.Length);
        index.Length += index.TakeLines(bytes, 0, FilePath);
    }

    /// <summary>The newest entries from the end of the file only, growing the part read until it holds enough of them.</summary>
    private IReadOnlyList<LedgerEntry> ReadNewest(int count, Action<string>? skipped)
    {
        using FileStream file = OpenLocked(FileMode.Open, FileAccess.Read);
        for (long size = 256 * 1024; ; size *= 4)
        {
            long from = Math.Max(0, file.Length - size);
            byte[] bytes = ReadFrom(file, from);
            int first = from == 0 ? 0 : Array.IndexOf(bytes, (byte)'\n') + 1;
            var tail = new LedgerIndex();
            tail.TakeLines(bytes, first, FilePath, fromFileStart: from == 0);
            if (tail.Count >= count || from == 0)
            {
                tail.BadLines.ForEach(line => skipped?.Invoke(line));
                return tail.Newest(count);
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

    /// <summary>Opens the file exclusively, waiting while another process holds it (an append takes microseconds).</summary>
    private FileStream OpenLocked(FileMode mode, FileAccess access)
    {
        for (int attempt = 0; ; attempt++)
        {
            try
            {
                return new FileStream(FilePath, mode, access, FileShare.None);
            }
            catch (IOException) when (attempt < 200 && File.Exists(FilePath))
            {
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
