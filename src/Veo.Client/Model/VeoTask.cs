using System;
using System.Collections.Generic;

namespace Veo.Client;

/// <summary>
/// A snapshot of a generation task. Immutable: refreshing a task yields a new object.
/// It carries the connection it came from (never shown, never serialized) so a piped task can be
/// polled and downloaded with the same provider, base URI and key.
/// </summary>
public sealed class VeoTask
{
    internal VeoTask(VeoConnection connection, string taskId, TaskDetails details, TaskState state)
    {
        Connection = connection;
        TaskId = taskId;
        Details = details;
        State = state;
    }

    public string TaskId { get; }

    public VeoProvider Provider => Connection.Provider;

    /// <summary>The provider's model id or endpoint, when known.</summary>
    public string? Model => Details.Model;

    public VeoMode? Mode => Details.Mode;

    public VeoTaskStatus Status => State.Status;

    /// <summary>0–100.</summary>
    public int Progress => State.Progress;

    /// <summary>The provider's estimate of seconds left, when it gives one.</summary>
    public int? EtaSeconds => State.EtaSeconds;

    public IReadOnlyList<VeoVideo> Videos => State.Videos;

    public string? ErrorCode => State.ErrorCode;

    public string? ErrorMessage => State.ErrorMessage;

    /// <summary>What the provider says the task cost, in US dollars, when it says (Vtrix).</summary>
    public decimal? Cost => State.Cost;

    public string? Prompt => Details.Prompt;

    public DateTimeOffset? CreatedAt => Details.CreatedAt;

    /// <summary>The key the task was created under (New-* -IdempotencyKey); names its saved files.</summary>
    public string? IdempotencyKey => Details.IdempotencyKey;

    /// <summary>When this snapshot was read from the provider.</summary>
    public DateTimeOffset RetrievedAt => State.RetrievedAt;

    public Uri BaseUri => Connection.BaseUri;

    public bool IsFinished => Status is VeoTaskStatus.Succeeded or VeoTaskStatus.Failed;

    internal VeoConnection Connection { get; }

    internal TaskDetails Details { get; }

    internal TaskState State { get; }

    internal VeoTask WithState(TaskState state) => new(Connection, TaskId, Details, state);

    /// <summary>The same task reached through another connection (another key or address for the same provider account).</summary>
    internal VeoTask WithConnection(VeoConnection connection) =>
        ReferenceEquals(connection, Connection) ? this : new VeoTask(connection, TaskId, Details, State);

    public override string ToString() => $"{Provider} task {TaskId} ({Status})";
}

/// <summary>What is known about a task from its creation; status answers rarely repeat it.</summary>
internal sealed record TaskDetails(
    string? Model, VeoMode? Mode, string? Prompt, DateTimeOffset? CreatedAt, string? IdempotencyKey = null, string? RequestHash = null);

/// <summary>What a status answer says, in the provider-neutral vocabulary.</summary>
internal sealed record TaskState(
    VeoTaskStatus Status,
    int Progress,
    int? EtaSeconds,
    IReadOnlyList<VeoVideo> Videos,
    string? ErrorCode,
    string? ErrorMessage,
    DateTimeOffset RetrievedAt,
    decimal? Cost = null)
{
    public static TaskState Created(DateTimeOffset now) =>
        new(VeoTaskStatus.Queued, 0, null, Array.Empty<VeoVideo>(), null, null, now);
}
