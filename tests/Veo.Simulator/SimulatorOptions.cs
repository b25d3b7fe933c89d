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

    /// <summary>A key that authenticates but has no balance: creating a task answers HighwayAPI 403 NOT_ENOUGH_BALANCE, AIHubMax 402, Vtrix 403.</summary>
    public string BrokeKey { get; set; } = "sim-broke";

    public TimeSpan QueuedFor { get; set; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan ProcessingFor { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Lifetime of the video links handed out by a finished HighwayAPI or Vtrix task.</summary>
    public TimeSpan VideoUrlTtl { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Lifetime of AIHubMax's result links (the provider documents 24 hours).</summary>
    public TimeSpan AIHubMaxVideoUrlTtl { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// How long after finishing an AIHubMax task says "completed" with progress below 100 and no results, as its
    /// gateway does before attaching the link. Like the other timings, a task keeps the value it was created with.
    /// </summary>
    public TimeSpan AIHubMaxResultDelay { get; set; } = TimeSpan.FromMilliseconds(150);

    /// <summary>The form of the item in an AIHubMax task's <c>results</c>; read when the task is queried.</summary>
    public AIHubMaxResultShape AIHubMaxResultShape { get; set; } = AIHubMaxResultShape.Alternate;

    /// <summary>Which of Vtrix's disagreeing pages the task and error answers follow; read on every answer.</summary>
    public VtrixDialect VtrixDialect { get; set; } = VtrixDialect.Documented;
}

/// <summary>AIHubMax's sources disagree on the items of <c>results</c>: plain URLs (EvoLink) or <c>{"url"}</c> objects.</summary>
public enum AIHubMaxResultShape
{
    /// <summary>Odd tasks (in creation order, counted across providers) get a URL string, even ones an object.</summary>
    Alternate,

    /// <summary>Every item is a URL string.</summary>
    Url,

    /// <summary>Every item is <c>{"url": "..."}</c>.</summary>
    Object,
}

/// <summary>Vtrix's pages disagree on task answers (providers.md §3.3); each dialect is one page's version.</summary>
public enum VtrixDialect
{
    /// <summary>The veo_31_fast page: in_progress/completed/failed, <c>id</c>, error <c>{"code": 2014001, "error_message"}</c>, HTTP errors <c>{"message"}</c>.</summary>
    Documented,

    /// <summary>The CLI's: pending/processing/completed/failed, <c>task_id</c>, ISO times, error and HTTP errors as <c>{"error": "..."}</c> strings, content type video_url.</summary>
    Cli,

    /// <summary>The Veo 3.1 preview page: queued/in_progress/completed/failed, error <c>{"code": "002014001", "message"}</c>, HTTP errors <c>{"message"}</c>.</summary>
    PreviewPage,
}
