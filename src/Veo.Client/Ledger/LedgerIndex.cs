using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Veo.Client;

/// <summary>What a create under an idempotency key does.</summary>
public enum KeyAction
{
    /// <summary>Send the create: the key is new, its task failed, or -Force was given after an unknown fate.</summary>
    Create,

    /// <summary>The key names a task made from the same request: read it again instead of paying again.</summary>
    Reuse,

    /// <summary>The key was used for a different request.</summary>
    Conflict,

    /// <summary>A create under the key was sent and no answer was recorded: a task may exist.</summary>
    OutcomeUnknown,
}

/// <summary>The ledger's answer for a key: what to do, the task the key names, and when its last create was sent.</summary>
public sealed record KeyDecision(KeyAction Action, LedgerEntry? Task, DateTimeOffset? SentAt);

/// <summary>
/// One line of the ledger file. Lines without a kind are created tasks (the ledger's first format); a "sending" line is
/// a create's intent, written before the request goes out (with the key and the request's fingerprint when keyed).
/// </summary>
internal sealed record LedgerLine
{
    public const string SendingKind = "sending";
    public const string NotCreatedKind = "notCreated";
    public const string StatusKind = "status";
    public const string SavedKind = "saved";

    public string? Kind { get; init; }

    public string? TaskId { get; init; }

    public VeoProvider Provider { get; init; }

    public Uri? BaseUri { get; init; }

    public string? Model { get; init; }

    public VeoMode? Mode { get; init; }

    public string? Prompt { get; init; }

    public DateTimeOffset? CreatedAt { get; init; }

    public string? IdempotencyKey { get; init; }

    public string? RequestHash { get; init; }

    /// <summary>Pairs a create's intent with the line that answers it (its task, or that nothing was created).</summary>
    public string? Intent { get; init; }

    public VeoTaskStatus? Status { get; init; }

    public string? Path { get; init; }

    /// <summary>When the line was written (every kind but a created task, which has CreatedAt).</summary>
    public DateTimeOffset? At { get; init; }

    /// <summary>What makes the line unusable (a missing field, an address or a task id a later call must not trust), or null.</summary>
    [JsonIgnore]
    public string? Problem => this switch
    {
        { Kind: null, TaskId: null } or { Kind: null or SendingKind, BaseUri: null } => "cannot be read",
        { Kind: SendingKind, Intent: null } or { Kind: SendingKind, IdempotencyKey: not null, RequestHash: null } => "cannot be read",
        { Kind: NotCreatedKind, Intent: null } => "cannot be read",
        { Kind: StatusKind, TaskId: null } or { Kind: StatusKind, Status: null } or { Kind: SavedKind, TaskId: null } or { Kind: SavedKind, Path: null } => "cannot be read",
        { Kind: not (null or SendingKind or NotCreatedKind or StatusKind or SavedKind) } => "cannot be read",
        { BaseUri: Uri uri } when VeoConnection.BaseUriProblem(uri) is string bad => $"has an unusable base address '{uri}' ({bad})",
        { TaskId: string id } when TaskIds.Problem(id) is string bad => $"has an unusable task id '{TaskIds.Printable(id)}' ({bad})",
        _ => null,
    };

    /// <summary>The entry a created task's line stands for.</summary>
    public LedgerEntry ToEntry() => new(
        TaskId!, Provider, BaseUri!, Model, Mode, Prompt, CreatedAt ?? At ?? DateTimeOffset.MinValue, IdempotencyKey, RequestHash, Intent);

    /// <summary>The intent of a create about to be sent: a created task's line without its id, written at its time.</summary>
    public static LedgerLine Sending(string intent, VeoConnection connection, TaskDetails details)
    {
        DateTimeOffset at = details.CreatedAt ?? DateTimeOffset.UtcNow;
        var entry = new LedgerEntry(
            null!, connection.Provider, connection.BaseUri, details.Model, details.Mode, details.Prompt, at, details.IdempotencyKey, details.RequestHash, intent);
        return Created(entry) with { Kind = SendingKind, CreatedAt = null, At = at };
    }

    public static LedgerLine Created(LedgerEntry entry) => new()
    {
        TaskId = entry.TaskId,
        Provider = entry.Provider,
        BaseUri = entry.BaseUri,
        Model = entry.Model,
        Mode = entry.Mode,
        Prompt = entry.Prompt,
        CreatedAt = entry.CreatedAt,
        IdempotencyKey = entry.IdempotencyKey,
        RequestHash = entry.RequestHash,
        Intent = entry.Intent,
    };
}

/// <summary>
/// The ledger folded into memory: entries in creation order, found by id, the creates still waiting for an answer,
/// and what each idempotency key names. A created task's line is kept as read and parsed only when its entry is asked
/// for, so a large ledger is taken in at the cost of finding a few fields per line. Not thread-safe:
/// <see cref="TaskLedger"/> locks it.
/// </summary>
internal sealed class LedgerIndex(string filePath)
{
    private readonly List<Slot> _entries = new();
    private readonly Dictionary<(VeoProvider, string), int> _byTask = new();
    private readonly Dictionary<string, int> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _unanswered = new(StringComparer.Ordinal);
    private readonly Dictionary<(VeoProvider, string), KeyState> _keys = new();

    /// <summary>Bytes of the file read so far.</summary>
    public long Length { get; set; }

    /// <summary>Lines of the file read so far, for messages about bad lines.</summary>
    public int LineCount { get; set; }

    /// <summary>A message for each line that could not be read.</summary>
    public List<string> BadLines { get; } = new();

    public void Reset()
    {
        _entries.Clear();
        _byTask.Clear();
        _byId.Clear();
        _unanswered.Clear();
        _keys.Clear();
        BadLines.Clear();
        Length = 0;
        LineCount = 0;
    }

    /// <summary>Entry <paramref name="at"/> in creation order; null when its line turns out unusable (then reported once).</summary>
    public LedgerEntry? EntryAt(int at)
    {
        Slot slot = _entries[at];
        LedgerEntry? entry = slot.Entry(out string? problem);
        if (problem is not null)
        {
            BadLines.Add(BadLine(slot.LineNumber, problem));
        }

        return entry;
    }

    public LedgerEntry? FindById(string taskId) => _byId.TryGetValue(taskId, out int at) ? EntryAt(at) : null;

    public LedgerEntry? Find(VeoProvider provider, string taskId) => _byTask.TryGetValue((provider, taskId), out int at) ? EntryAt(at) : null;

    public void Apply(LedgerLine line)
    {
        switch (line.Kind)
        {
            case null:
                AddCreated(new Slot(line.Provider, line.TaskId!, LineCount, null) { Created = line.ToEntry() }, line.IdempotencyKey, line.RequestHash, line.Intent);
                break;
            case LedgerLine.SendingKind:
                AddSending(
                    new Slot(line.Provider, null, LineCount, null) { Created = line.ToEntry() },
                    line.Intent!, line.IdempotencyKey, line.RequestHash, line.At ?? DateTimeOffset.MinValue);
                break;
            case LedgerLine.NotCreatedKind:
                Answer(line.Intent);
                if (line.IdempotencyKey is not null)
                {
                    _keys[(line.Provider, line.IdempotencyKey)] = KeyOf(line.Provider, line.IdempotencyKey, line.RequestHash) with { SentAt = null };
                }

                break;
            case LedgerLine.StatusKind or LedgerLine.SavedKind:
                Update(line);
                break;
        }
    }

    /// <summary>
    /// Takes in the complete lines of <paramref name="bytes"/> from <paramref name="start"/>; returns how many bytes
    /// they span (a last line without its newline is left for the next read). A created task's line is read only for
    /// its id, provider and key, and parsed whole when its entry is asked for.
    /// </summary>
    /// <param name="fromFileStart">False when <paramref name="bytes"/> is only the end of the file: line numbers are then unknown.</param>
    public int TakeLines(byte[] bytes, int start, bool fromFileStart = true)
    {
        int lineStart = start;
        for (int end = Array.IndexOf(bytes, (byte)'\n', lineStart); end >= 0; end = Array.IndexOf(bytes, (byte)'\n', lineStart))
        {
            LineCount++;
            var line = new ArraySegment<byte>(bytes, lineStart, end - lineStart);
            lineStart = end + 1;
            if (IsBlank(line))
            {
                continue;
            }

            int lineNumber = fromFileStart ? LineCount : 0;
            if (LedgerLineReader.TrySummarize(line, out LedgerLineReader.Summary summary))
            {
                var slot = new Slot(summary.Provider, summary.TaskId, lineNumber, line);
                if (summary.TaskId is null)
                {
                    AddSending(slot, summary.Intent!, summary.IdempotencyKey, summary.RequestHash, summary.SentAt ?? DateTimeOffset.MinValue);
                }
                else
                {
                    AddCreated(slot, summary.IdempotencyKey, summary.RequestHash, summary.Intent);
                }
            }
            else if (LedgerLineReader.Parse(line, out string problem) is LedgerLine parsed)
            {
                Apply(parsed);
            }
            else
            {
                BadLines.Add(BadLine(lineNumber, problem));
            }
        }

        return lineStart - start;
    }

    /// <summary>
    /// The newest <paramref name="count"/> usable entries, newest first: tasks, and the creates still waiting for an
    /// answer when <paramref name="withUnanswered"/>.
    /// </summary>
    public List<LedgerEntry> Newest(int count, bool withUnanswered)
    {
        var newest = new List<LedgerEntry>();
        for (int at = _entries.Count - 1; at >= 0 && newest.Count < count; at--)
        {
            if ((withUnanswered || _entries[at].TaskId is not null) && EntryAt(at) is LedgerEntry entry)
            {
                newest.Add(entry);
            }
        }

        return newest;
    }

    /// <summary>The rules of an idempotency key, for a request whose fingerprint is <paramref name="requestHash"/>.</summary>
    public KeyDecision Decide(VeoProvider provider, string key, string requestHash, bool force)
    {
        if (!_keys.TryGetValue((provider, key), out KeyState? state) || (state.TaskId is null && state.SentAt is null))
        {
            return new KeyDecision(KeyAction.Create, null, null);
        }

        LedgerEntry? task = state.TaskId is null ? null : Find(provider, state.TaskId);
        if (!string.Equals(state.RequestHash, requestHash, StringComparison.Ordinal))
        {
            return new KeyDecision(KeyAction.Conflict, task, state.SentAt);
        }

        if (state.SentAt is not null)
        {
            return new KeyDecision(force ? KeyAction.Create : KeyAction.OutcomeUnknown, task, state.SentAt);
        }

        return task is null || task.Status == VeoTaskStatus.Failed
            ? new KeyDecision(KeyAction.Create, task, null)
            : new KeyDecision(KeyAction.Reuse, task, null);
    }

    private static bool IsBlank(ArraySegment<byte> line)
    {
        for (int i = line.Offset; i < line.Offset + line.Count; i++)
        {
            if (line.Array![i] is not ((byte)' ' or (byte)'\r' or (byte)'\t'))
            {
                return false;
            }
        }

        return true;
    }

    private KeyState KeyOf(VeoProvider provider, string key, string? requestHash) =>
        _keys.TryGetValue((provider, key), out KeyState? state) ? state : new KeyState(requestHash ?? string.Empty, null, null);

    /// <summary>A create's intent: a task that may exist until its answer is read; with a key, the key waits for that answer.</summary>
    private void AddSending(Slot slot, string intent, string? key, string? requestHash, DateTimeOffset sentAt)
    {
        _unanswered[intent] = _entries.Count;
        _entries.Add(slot);
        if (key is not null)
        {
            _keys[(slot.Provider, key)] = KeyOf(slot.Provider, key, requestHash) with { RequestHash = requestHash!, SentAt = sentAt };
        }
    }

    private string BadLine(int lineNumber, string problem) => lineNumber > 0
        ? $"Line {lineNumber} of the task ledger {filePath} {problem} and was skipped."
        : $"A line near the end of the task ledger {filePath} {problem} and was skipped.";

    /// <summary>A create's intent got its answer: it is no longer a task that may exist unseen.</summary>
    private void Answer(string? intent)
    {
        if (intent is not null && _unanswered.TryGetValue(intent, out int at))
        {
            _unanswered.Remove(intent);
            _entries[at].Forget();
        }
    }

    private void AddCreated(Slot slot, string? key, string? requestHash, string? intent)
    {
        Answer(intent);
        string taskId = slot.TaskId!;
        if (_byTask.TryGetValue((slot.Provider, taskId), out int at))
        {
            _entries[at] = slot;
        }
        else
        {
            at = _entries.Count;
            _entries.Add(slot);
            _byTask[(slot.Provider, taskId)] = at;
        }

        _byId[taskId] = at;
        if (key is not null)
        {
            // The key now names this task, and the create it was waiting for has its answer.
            _keys[(slot.Provider, key)] = new KeyState(requestHash ?? string.Empty, taskId, null);
        }
    }

    private void Update(LedgerLine line)
    {
        if (_byTask.TryGetValue((line.Provider, line.TaskId!), out int at))
        {
            Slot slot = _entries[at];
            slot.Status = line.Status ?? slot.Status;
            if (line.Path is not null)
            {
                slot.Saved.Add(line.Path);
            }
        }
    }

    /// <summary>What a key names: the request it was first used for, its task, and an unanswered create's send time.</summary>
    private sealed record KeyState(string RequestHash, string? TaskId, DateTimeOffset? SentAt);

    /// <summary>
    /// One created task (its line, parsed on first use, and what later lines said of it), or a create's intent (no task
    /// id; no entry once answered).
    /// </summary>
    private sealed class Slot(VeoProvider provider, string? taskId, int lineNumber, ArraySegment<byte>? line)
    {
        private ArraySegment<byte>? _line = line;

        public VeoProvider Provider { get; } = provider;

        public string? TaskId { get; } = taskId;

        /// <summary>The line's number in the file, 0 when only the end of the file was read.</summary>
        public int LineNumber { get; } = lineNumber;

        public LedgerEntry? Created { get; set; }

        public VeoTaskStatus Status { get; set; } = VeoTaskStatus.Queued;

        public List<string> Saved { get; } = new();

        /// <summary>An answered intent is no longer listed: its line need not be kept or parsed.</summary>
        public void Forget()
        {
            _line = null;
            Created = null;
        }

        /// <summary>The entry; the first parse of a line that turns out unusable gives its <paramref name="problem"/>.</summary>
        public LedgerEntry? Entry(out string? problem)
        {
            problem = null;
            if (_line is ArraySegment<byte> line)
            {
                LedgerLine? parsed = LedgerLineReader.Parse(line, out string found);
                Created = parsed?.ToEntry();
                problem = parsed is null ? found : null;
                _line = null;
            }

            return Created is null || TaskId is null
                ? Created
                : Created with { Status = Status, SavedFiles = Saved.Count == 0 ? Array.Empty<string>() : Saved.ToArray() };
        }
    }
}
