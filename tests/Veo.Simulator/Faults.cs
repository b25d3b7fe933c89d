using System;
using System.Collections.Generic;

namespace Veo.Simulator;

/// <summary>Which kind of provider call a fault applies to.</summary>
public enum FaultTarget
{
    /// <summary>Task creation (HighwayAPI: POST /v3/async/{endpoint}; AIHubMax: POST /v1/videos/generations; Vtrix: POST /model/v1/generation).</summary>
    Create,

    /// <summary>Task status query (HighwayAPI: GET /v3/async/task-result; AIHubMax: GET /v1/tasks/{id}; Vtrix: GET /model/v1/generation/task/{id}).</summary>
    Status,

    /// <summary>Video download (GET /sim/videos/...).</summary>
    Download,

    /// <summary>File upload (AIHubMax: POST /v1/files/upload/base64 and /v1/files/upload/stream).</summary>
    Upload,

    /// <summary>A hosted file fetched by its URL (GET /sim/files/...), as Vtrix's client fetches image URLs.</summary>
    File,
}

/// <summary>A misbehaviour to inject instead of, or on top of, the normal answer.</summary>
public abstract record Fault
{
    // Closed set: the fault middleware knows every case.
    private protected Fault()
    {
    }

    /// <summary>Answer with this status and the provider's error body; Retry-After is sent verbatim when given.</summary>
    public sealed record HttpStatus(int Status, string? RetryAfter = null) : Fault;

    /// <summary>Drop the connection without any response.</summary>
    public sealed record ConnectionReset : Fault;

    /// <summary>Wait, then answer normally (to exceed a client timeout).</summary>
    public sealed record Delay(TimeSpan Duration) : Fault;

    /// <summary>Answer 200 with a body that is not JSON.</summary>
    public sealed record MalformedJson : Fault;

    /// <summary>Announce the full Content-Length, send only this fraction of the body, then drop the connection.</summary>
    public sealed record TruncatedBody(double Fraction = 0.5) : Fault;

    /// <summary>
    /// Answer with exactly this status and body (an odd id, another task's status, an HTML page).
    /// <see cref="EchoedAuthorization"/> in the body is replaced by the request's Authorization header, as a provider
    /// that echoes it back would.
    /// </summary>
    public sealed record Answer(int Status, string Body, string ContentType = "application/json") : Fault
    {
        public const string EchoedAuthorization = "{authorization}";
    }

    /// <summary>Answer 200 with a JSON object of this many bytes (streamed, never held in memory).</summary>
    public sealed record OversizedBody(long Bytes) : Fault;

    /// <summary>Answer a Range request from the first byte instead: a 206 whose Content-Range starts at 0.</summary>
    public sealed record WrongRange : Fault;

    /// <summary>Send the headers (with the full Content-Length), then one byte of the body per <paramref name="Interval"/>.</summary>
    public sealed record Trickle(TimeSpan Interval) : Fault;

    /// <summary>Send the headers (with the full Content-Length), then nothing until the client gives up.</summary>
    public sealed record StallAfterHeaders : Fault;

    /// <summary>Answer 200 without a Content-Length: the real body, then zeros that never end.</summary>
    public sealed record EndlessBody : Fault;
}

/// <summary>Queue of faults per target; each matching request consumes one use of the oldest entry.</summary>
public sealed class FaultScript
{
    private readonly object _gate = new();
    private readonly Dictionary<FaultTarget, Queue<PendingFault>> _pending = new();

    /// <summary>The next <paramref name="times"/> requests of <paramref name="target"/> get <paramref name="fault"/>.</summary>
    public void Add(FaultTarget target, Fault fault, int times = 1)
    {
        ArgumentNullException.ThrowIfNull(fault);
        ArgumentOutOfRangeException.ThrowIfLessThan(times, 1);
        Validate(fault);
        lock (_gate)
        {
            if (!_pending.TryGetValue(target, out Queue<PendingFault>? queue))
            {
                queue = new Queue<PendingFault>();
                _pending.Add(target, queue);
            }

            queue.Enqueue(new PendingFault(fault, times));
        }
    }

    internal Fault? TakeNext(FaultTarget target)
    {
        lock (_gate)
        {
            if (!_pending.TryGetValue(target, out Queue<PendingFault>? queue) || queue.Count == 0)
            {
                return null;
            }

            PendingFault next = queue.Peek();
            next.RemainingUses--;
            if (next.RemainingUses == 0)
            {
                queue.Dequeue();
            }

            return next.Fault;
        }
    }

    internal void Clear()
    {
        lock (_gate)
        {
            _pending.Clear();
        }
    }

    private static void Validate(Fault fault)
    {
        switch (fault)
        {
            case Fault.HttpStatus { Status: < 100 or > 599 }:
                throw new ArgumentOutOfRangeException(nameof(fault), "HTTP status must be between 100 and 599.");
            case Fault.Delay { Duration: var duration } when duration < TimeSpan.Zero:
                throw new ArgumentOutOfRangeException(nameof(fault), "Delay must not be negative.");
            case Fault.TruncatedBody { Fraction: var fraction } when !(fraction >= 0 && fraction < 1):
                throw new ArgumentOutOfRangeException(nameof(fault), "Truncation fraction must be in [0, 1).");
            case Fault.Answer { Status: < 100 or > 599 }:
                throw new ArgumentOutOfRangeException(nameof(fault), "HTTP status must be between 100 and 599.");
            case Fault.OversizedBody { Bytes: < 16 }:
                throw new ArgumentOutOfRangeException(nameof(fault), "An oversized body is at least 16 bytes.");
            case Fault.Trickle { Interval: var interval } when interval <= TimeSpan.Zero:
                throw new ArgumentOutOfRangeException(nameof(fault), "Trickle interval must be positive.");
        }
    }

    private sealed class PendingFault(Fault fault, int remainingUses)
    {
        public Fault Fault { get; } = fault;

        public int RemainingUses { get; set; } = remainingUses;
    }
}
