using System;
using System.Collections.Generic;

namespace Veo.Simulator;

/// <summary>Settings of a simulator instance. Timings may be changed while it runs; they apply to tasks created afterwards.</summary>
public sealed class SimulatorOptions
{
    /// <summary>TCP port on 127.0.0.1; 0 picks a free port.</summary>
    public int Port { get; set; }

    /// <summary>API keys that authenticate and have balance.</summary>
    public ICollection<string> ValidKeys { get; } = new List<string> { "sim-key" };

    /// <summary>A key that authenticates but has no balance: creating a task answers 403 NOT_ENOUGH_BALANCE.</summary>
    public string BrokeKey { get; set; } = "sim-broke";

    public TimeSpan QueuedFor { get; set; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan ProcessingFor { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Lifetime of the video links handed out by a finished task.</summary>
    public TimeSpan VideoUrlTtl { get; set; } = TimeSpan.FromHours(1);
}
