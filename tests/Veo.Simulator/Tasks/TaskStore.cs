using System;
using System.Collections.Concurrent;

namespace Veo.Simulator.Tasks;

/// <summary>Tasks of every simulated provider, keyed by id.</summary>
internal sealed class TaskStore(SimulatorOptions options, TimeProvider clock)
{
    /// <summary>Put this in a prompt to make the task fail, so callers can exercise their failure path.</summary>
    public const string FailMarker = "[sim:fail]";

    public const string SafetyFilterReason = "The prompt was blocked by the simulator's safety filter.";

    private readonly ConcurrentDictionary<string, SimulatedTask> _tasks = new(StringComparer.Ordinal);

    /// <summary>Stores a new task; it takes the timings configured right now.</summary>
    public SimulatedTask Create(string model, string prompt, int sampleCount, string? seed)
    {
        var task = new SimulatedTask(
            Id: Guid.NewGuid().ToString("D"),
            Model: model,
            Prompt: prompt,
            SampleCount: sampleCount,
            Seed: seed,
            CreatedAt: clock.GetUtcNow(),
            QueuedFor: options.QueuedFor,
            ProcessingFor: options.ProcessingFor,
            FailureReason: prompt.Contains(FailMarker, StringComparison.Ordinal) ? SafetyFilterReason : null);
        _tasks[task.Id] = task;
        return task;
    }

    public SimulatedTask? Find(string id) => _tasks.TryGetValue(id, out SimulatedTask? task) ? task : null;

    public void Clear() => _tasks.Clear();
}
