using System;
using System.Collections.Generic;
using System.Linq;
using Veo.Simulator.Hosting;
using Veo.Simulator.Tasks;

namespace Veo.Simulator;

/// <summary>What the simulator has seen and holds: recorded requests, tasks and pending faults.</summary>
public sealed class SimulatorState
{
    private readonly object _requestsGate = new();
    private readonly List<RecordedRequest> _requests = new();

    internal SimulatorState(SimulatorOptions options, TimeProvider clock)
    {
        Tasks = new TaskStore(options, clock);
    }

    /// <summary>A snapshot of the recorded requests, in arrival order.</summary>
    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_requestsGate)
            {
                return _requests.ToArray();
            }
        }
    }

    public FaultScript Faults { get; } = new();

    internal TaskStore Tasks { get; }

    internal FileLibrary Files { get; } = new();

    /// <summary>Counts recorded requests with this method whose path and query start with <paramref name="pathPrefix"/>.</summary>
    public int CountRequests(string method, string pathPrefix) =>
        Requests.Count(r =>
            string.Equals(r.Method, method, StringComparison.OrdinalIgnoreCase)
            && r.PathAndQuery.StartsWith(pathPrefix, StringComparison.Ordinal));

    /// <summary>Forgets requests, tasks, uploaded files and pending faults (timings and options stay as they are).</summary>
    public void Reset()
    {
        lock (_requestsGate)
        {
            _requests.Clear();
        }

        Tasks.Clear();
        Files.Clear();
        Faults.Clear();
    }

    internal void Record(RecordedRequest request)
    {
        lock (_requestsGate)
        {
            // Requests finish out of order; keep them in arrival order.
            int index = _requests.Count;
            while (index > 0 && _requests[index - 1].At > request.At)
            {
                index--;
            }

            _requests.Insert(index, request);
        }
    }
}
