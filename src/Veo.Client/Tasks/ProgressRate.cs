using System;

namespace Veo.Client;

/// <summary>
/// Estimates the time left from how fast progress rises, for providers that report progress but no eta (AIHubMax,
/// Vtrix), so their tasks are polled densely near the end too.
/// </summary>
internal sealed class ProgressRate
{
    private DateTimeOffset _firstAt;
    private int _firstProgress = -1;

    /// <summary>The state, with an eta estimated from the progress rate when the provider gave none.</summary>
    public TaskState WithEstimate(TaskState state)
    {
        if (state.EtaSeconds is not null || state.Status != VeoTaskStatus.Running || state.Progress <= 0 || state.Progress >= 100)
        {
            return state;
        }

        if (_firstProgress < 0)
        {
            _firstAt = state.RetrievedAt;
            _firstProgress = state.Progress;
            return state;
        }

        double elapsed = (state.RetrievedAt - _firstAt).TotalSeconds;
        int gained = state.Progress - _firstProgress;
        return gained > 0 && elapsed > 0
            ? state with { EtaSeconds = (int)Math.Ceiling(elapsed * (100 - state.Progress) / gained) }
            : state;
    }
}
