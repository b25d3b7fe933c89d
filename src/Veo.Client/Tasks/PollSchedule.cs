using System;

namespace Veo.Client;

/// <summary>
/// When to ask again. With an estimate of the time left (the provider's eta, or one from the progress rate), poll
/// sparsely early and densely near the expected end; without one, start quick and back off to the default interval.
/// </summary>
internal static class PollSchedule
{
    /// <param name="pollsWithoutEstimate">Polls since the last estimate of the time left, for the back-off.</param>
    public static TimeSpan Next(TaskState state, int pollsWithoutEstimate, VeoClientOptions options)
    {
        TimeSpan next = state.EtaSeconds is int eta && eta > 0
            ? TimeSpan.FromSeconds(eta * 0.6)
            : TimeSpan.FromTicks((long)(options.MinPollInterval.Ticks * Math.Pow(1.5, pollsWithoutEstimate)));
        TimeSpan ceiling = state.EtaSeconds is > 0 ? options.MaxPollInterval : Min(options.DefaultPollInterval, options.MaxPollInterval);
        return Clamp(next, options.MinPollInterval, ceiling);
    }

    private static TimeSpan Clamp(TimeSpan value, TimeSpan min, TimeSpan max) => value < min ? min : value > max ? max : value;

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
