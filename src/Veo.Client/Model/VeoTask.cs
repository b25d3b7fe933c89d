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

    public bool IsFinished => State.IsFinished;

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

/// <summary>
/// What a status answer says, in the provider-neutral vocabulary. Adapters build it through the named constructors;
/// "completed with no video" is decided here, in <see cref="Completed"/> and <see cref="After"/>.
/// </summary>
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
    /// <summary>Since when the provider has said "completed" without giving a video; null otherwise.</summary>
    public DateTimeOffset? CompletedWithoutVideoSince { get; init; }

    public bool IsFinished => Status is VeoTaskStatus.Succeeded or VeoTaskStatus.Failed;

    public static TaskState Created(DateTimeOffset now) => Queued(0, null, now);

    public static TaskState Queued(int progress, int? etaSeconds, DateTimeOffset now) =>
        new(VeoTaskStatus.Queued, progress, etaSeconds, Array.Empty<VeoVideo>(), null, null, now);

    public static TaskState Running(int progress, int? etaSeconds, DateTimeOffset now) =>
        new(VeoTaskStatus.Running, progress, etaSeconds, Array.Empty<VeoVideo>(), null, null, now);

    public static TaskState Failed(string? code, string? message, int progress, DateTimeOffset now, decimal? cost = null) =>
        new(VeoTaskStatus.Failed, progress, null, Array.Empty<VeoVideo>(), code,
            string.IsNullOrWhiteSpace(message) ? "The provider reported the task as failed without a reason." : message, now, cost);

    /// <summary>
    /// The provider says the task is done: succeeded with its videos. Without a video it is not over yet: gateways
    /// attach the link after saying completed, so it keeps running until <see cref="After"/> gives up on it.
    /// </summary>
    public static TaskState Completed(IReadOnlyList<VeoVideo> videos, DateTimeOffset now, decimal? cost = null) => videos.Count > 0
        ? new(VeoTaskStatus.Succeeded, 100, 0, videos, null, null, now, cost)
        : new(VeoTaskStatus.Running, 100, 0, videos, null, null, now, cost) { CompletedWithoutVideoSince = now };

    /// <summary>
    /// This answer read after <paramref name="previous"/> (null for the first): a task that has said "completed" without
    /// a video for <paramref name="grace"/> fails as TaskHasNoVideo (a safety filter can do this); the end the first
    /// estimate promised is kept.
    /// </summary>
    public TaskState After(TaskState? previous, TimeSpan grace)
    {
        TaskState state = this with
        {
            ExpectedEndAt = previous?.ExpectedEndAt ?? (EtaSeconds is int eta && !IsFinished ? RetrievedAt.AddSeconds(eta) : null),
        };
        if (CompletedWithoutVideoSince is null)
        {
            return state;
        }

        DateTimeOffset since = previous?.CompletedWithoutVideoSince ?? RetrievedAt;
        return RetrievedAt - since < grace
            ? state with { CompletedWithoutVideoSince = since }
            : Failed(VeoErrorIds.TaskHasNoVideo,
                $"The provider reported the task as completed but gave no video within {grace.TotalSeconds:0.#} s (a safety filter can do this).",
                Progress, RetrievedAt, Cost);
    }

    /// <summary>When the provider's first estimate said the task would end; null while it has given none.</summary>
    public DateTimeOffset? ExpectedEndAt { get; init; }

    /// <summary>True when the task is still going past the end the provider's first estimate promised.</summary>
    public bool IsOverdue(DateTimeOffset now) => !IsFinished && ExpectedEndAt < now;
}
