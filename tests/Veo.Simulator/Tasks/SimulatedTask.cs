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

/// <summary>A generation job; its phase is derived from the time elapsed since creation, so no background work runs.</summary>
internal sealed record SimulatedTask(
    string Id,
    string Model,
    string Prompt,
    int SampleCount,
    string? Seed,
    DateTimeOffset CreatedAt,
    TimeSpan QueuedFor,
    TimeSpan ProcessingFor,
    string? FailureReason)
{
    public DateTimeOffset ProcessingStartsAt => CreatedAt + QueuedFor;

    public DateTimeOffset FinishesAt => ProcessingStartsAt + ProcessingFor;

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
