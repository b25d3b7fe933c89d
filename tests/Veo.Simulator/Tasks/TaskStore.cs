using System;
using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;
using System.Threading;

namespace Veo.Simulator.Tasks;

/// <summary>Tasks of every simulated provider, keyed by id.</summary>
internal sealed class TaskStore(SimulatorOptions options, TimeProvider clock)
{
    /// <summary>Put this in a prompt to make the task fail, so callers can exercise their failure path.</summary>
    public const string FailMarker = "[sim:fail]";

    /// <summary>Put [sim:seconds=N] in a prompt to make that task take N seconds to process, whatever the options say.</summary>
    private static readonly Regex SecondsMarker = new(@"\[sim:seconds=(\d{1,6})\]", RegexOptions.CultureInvariant);

    public const string SafetyFilterReason = "The prompt was blocked by the simulator's safety filter.";

    private readonly ConcurrentDictionary<string, SimulatedTask> _tasks = new(StringComparer.Ordinal);
    private long _sequence;

    /// <summary>
    /// Stores a new task of <paramref name="provider"/>; it takes the timings configured right now. Its id is a GUID
    /// unless <paramref name="newId"/> makes one in the provider's format from the creation time.
    /// </summary>
    public SimulatedTask Create(
        string provider,
        string model,
        string prompt,
        int sampleCount = 1,
        string? seed = null,
        int durationSeconds = 8,
        TimeSpan resultDelay = default,
        Func<DateTimeOffset, string>? newId = null)
    {
        DateTimeOffset now = clock.GetUtcNow();
        var task = new SimulatedTask(
            Id: newId?.Invoke(now) ?? Guid.NewGuid().ToString("D"),
            Provider: provider,
            Sequence: Interlocked.Increment(ref _sequence),
            Model: model,
            Prompt: prompt,
            SampleCount: sampleCount,
            Seed: seed,
            DurationSeconds: durationSeconds,
            CreatedAt: now,
            QueuedFor: options.QueuedFor,
            ProcessingFor: ProcessingTimeOf(prompt) ?? options.ProcessingFor,
            ResultDelay: resultDelay,
            FailureReason: prompt.Contains(FailMarker, StringComparison.Ordinal) ? SafetyFilterReason : null);
        _tasks[task.Id] = task;
        return task;
    }

    private static TimeSpan? ProcessingTimeOf(string prompt) =>
        SecondsMarker.Match(prompt) is { Success: true } match
            ? TimeSpan.FromSeconds(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture))
            : null;

    /// <summary>A task of any provider (video links are shared).</summary>
    public SimulatedTask? Find(string id) => _tasks.TryGetValue(id, out SimulatedTask? task) ? task : null;

    /// <summary>A task of <paramref name="provider"/>: no provider knows another's task ids.</summary>
    public SimulatedTask? Find(string id, string provider) => Find(id) is { } task && task.Provider == provider ? task : null;

    public void Clear()
    {
        _tasks.Clear();
        Interlocked.Exchange(ref _sequence, 0);
    }
}
