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

/// <summary>One line of the ledger file. Lines without a kind are created tasks (the ledger's first format).</summary>
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

    public VeoTaskStatus? Status { get; init; }

    public string? Path { get; init; }

    /// <summary>When the line was written (every kind but a created task, which has CreatedAt).</summary>
    public DateTimeOffset? At { get; init; }

    [JsonIgnore]
    public bool IsComplete => Kind switch
    {
        null => TaskId is not null && BaseUri is not null,
        SendingKind => IdempotencyKey is not null && RequestHash is not null && BaseUri is not null,
        NotCreatedKind => IdempotencyKey is not null,
        StatusKind => TaskId is not null && Status is not null,
        SavedKind => TaskId is not null && Path is not null,
        _ => false,
    };

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
    };
}

/// <summary>
/// The ledger folded into memory: entries in creation order, found by id, and what each idempotency key names.
/// Not thread-safe: <see cref="TaskLedger"/> locks it.
/// </summary>
internal sealed class LedgerIndex
{
    private readonly List<LedgerEntry> _entries = new();
    private readonly Dictionary<(VeoProvider, string), int> _byTask = new();
    private readonly Dictionary<string, int> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<(VeoProvider, string), KeyState> _keys = new();

    /// <summary>Bytes of the file read so far.</summary>
    public long Length { get; set; }

    /// <summary>Lines of the file read so far, for messages about bad lines.</summary>
    public int LineCount { get; set; }

    public IReadOnlyList<LedgerEntry> Entries => _entries;

    /// <summary>A message for each line that could not be read.</summary>
    public List<string> BadLines { get; } = new();

    public void Reset()
    {
        _entries.Clear();
        _byTask.Clear();
        _byId.Clear();
        _keys.Clear();
        BadLines.Clear();
        Length = 0;
        LineCount = 0;
    }

    public LedgerEntry? FindById(string taskId) => _byId.TryGetValue(taskId, out int at) ? _entries[at] : null;

    public LedgerEntry? Find(VeoProvider provider, string taskId) => _byTask.TryGetValue((provider, taskId), out int at) ? _entries[at] : null;

    public void Apply(LedgerLine line)
    {
        switch (line.Kind)
        {
            case null:
                AddCreated(line);
                break;
            case LedgerLine.SendingKind:
                _keys[(line.Provider, line.IdempotencyKey!)] = KeyOf(line) with { RequestHash = line.RequestHash!, SentAt = line.At ?? DateTimeOffset.MinValue };
                break;
            case LedgerLine.NotCreatedKind:
                _keys[(line.Provider, line.IdempotencyKey!)] = KeyOf(line) with { SentAt = null };
                break;
            case LedgerLine.StatusKind or LedgerLine.SavedKind:
                Update(line);
                break;
        }
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

    private KeyState KeyOf(LedgerLine line) =>
        _keys.TryGetValue((line.Provider, line.IdempotencyKey!), out KeyState? state) ? state : new KeyState(line.RequestHash ?? string.Empty, null, null);

    private void AddCreated(LedgerLine line)
    {
        var entry = new LedgerEntry(
            line.TaskId!, line.Provider, line.BaseUri!, line.Model, line.Mode, line.Prompt, line.CreatedAt ?? DateTimeOffset.MinValue,
            line.IdempotencyKey, line.RequestHash);
        if (_byTask.TryGetValue((line.Provider, line.TaskId!), out int at))
        {
            _entries[at] = entry;
        }
        else
        {
            at = _entries.Count;
            _entries.Add(entry);
            _byTask[(line.Provider, line.TaskId!)] = at;
        }

        _byId[line.TaskId!] = at;
        if (line.IdempotencyKey is not null)
        {
            // The key now names this task, and the create it was waiting for has its answer.
            _keys[(line.Provider, line.IdempotencyKey)] = new KeyState(line.RequestHash ?? string.Empty, line.TaskId, null);
        }
    }

    private void Update(LedgerLine line)
    {
        if (!_byTask.TryGetValue((line.Provider, line.TaskId!), out int at))
        {
            return;
        }

        LedgerEntry entry = _entries[at];
        _entries[at] = entry with
        {
            Status = line.Status ?? entry.Status,
            SavedFiles = line.Path is null ? entry.SavedFiles : [.. entry.SavedFiles, line.Path],
        };
    }

    /// <summary>What a key names: the request it was first used for, its task, and an unanswered create's send time.</summary>
    private sealed record KeyState(string RequestHash, string? TaskId, DateTimeOffset? SentAt);
}
