using System;

namespace Veo.Simulator.Tasks;

internal enum TaskPhase
{
    Queued,
    Processing,
    Succeeded,
    Failed,
}

/// <summary>Where a task stands at a given moment; <see cref="EtaSeconds"/> is rounded up.</summary>
internal readonly record struct TaskProgress(TaskPhase Phase, int ProgressPercent, int EtaSeconds);

/// <summary>
/// A generation job; its phase is derived from the time elapsed since creation, so no background work runs.
/// <paramref name="Sequence"/> counts tasks from 1 in creation order. <paramref name="ResultDelay"/> is how long after
/// finishing the result is attached, for gateways that report completion first.
/// </summary>
internal sealed record SimulatedTask(
    string Id,
    string Provider,
    long Sequence,
    string Model,
    string Prompt,
    int SampleCount,
    string? Seed,
    int DurationSeconds,
    DateTimeOffset CreatedAt,
    TimeSpan QueuedFor,
    TimeSpan ProcessingFor,
    TimeSpan ResultDelay,
    string? FailureReason)
{
    public DateTimeOffset ProcessingStartsAt => CreatedAt + QueuedFor;

    public DateTimeOffset FinishesAt => ProcessingStartsAt + ProcessingFor;

    public DateTimeOffset ResultAttachedAt => FinishesAt + ResultDelay;

    public TaskProgress ProgressAt(DateTimeOffset now)
    {
        if (now < ProcessingStartsAt)
        {
            return new TaskProgress(TaskPhase.Queued, 0, CeilingSeconds(FinishesAt - now));
        }

        if (now < FinishesAt)
        {
            double fraction = (now - ProcessingStartsAt) / ProcessingFor;
            return new TaskProgress(TaskPhase.Processing, (int)Math.Floor(fraction * 99), CeilingSeconds(FinishesAt - now));
        }

        return FailureReason is null
            ? new TaskProgress(TaskPhase.Succeeded, 100, 0)
            : new TaskProgress(TaskPhase.Failed, 0, 0);
    }

    private static int CeilingSeconds(TimeSpan remaining) => (int)Math.Ceiling(remaining.TotalSeconds);
}
