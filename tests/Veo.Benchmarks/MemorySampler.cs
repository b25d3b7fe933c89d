using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Threading;

namespace Veo.Benchmarks;

/// <summary>
/// Samples a process's resident set (working set) about every millisecond on its own thread, and for the current
/// process also the managed heap (GC.GetTotalMemory without collecting, so garbage not yet collected counts: that
/// is memory the process holds). Growth is the peak over the baseline taken at construction.
/// </summary>
internal sealed class MemorySampler : IDisposable
{
    private static readonly long PageSize = Environment.SystemPageSize;

    private readonly int _processId;
    private readonly bool _self;
    private readonly Thread _thread;
    private volatile bool _stop;
    private long _peakWorkingSet;
    private long _peakManaged;

    private MemorySampler(int processId)
    {
        _processId = processId;
        _self = processId == Environment.ProcessId;
        BaselineWorkingSet = WorkingSet(processId);
        BaselineManaged = _self ? GC.GetTotalMemory(false) : 0;
        _peakWorkingSet = BaselineWorkingSet;
        _peakManaged = BaselineManaged;
        _thread = new Thread(Run) { IsBackground = true, Name = "memory sampler", Priority = ThreadPriority.AboveNormal };
        _thread.Start();
    }

    public long BaselineWorkingSet { get; }

    public long BaselineManaged { get; }

    public long PeakWorkingSet => Interlocked.Read(ref _peakWorkingSet);

    public long PeakManaged => Interlocked.Read(ref _peakManaged);

    public long WorkingSetGrowth => Math.Max(0, PeakWorkingSet - BaselineWorkingSet);

    public long ManagedGrowth => Math.Max(0, PeakManaged - BaselineManaged);

    /// <summary>Collects (compacting the large object heap too) so the baseline holds only what is live, then starts sampling.</summary>
    public static MemorySampler StartForCurrentProcess()
    {
        System.Runtime.GCSettings.LargeObjectHeapCompactionMode = System.Runtime.GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        return new MemorySampler(Environment.ProcessId);
    }

    public static MemorySampler StartFor(Process process) => new(process.Id);

    /// <summary>Takes a last sample and stops.</summary>
    public void Stop()
    {
        Sample();
        _stop = true;
        _thread.Join();
    }

    public void Dispose()
    {
        if (!_stop)
        {
            Stop();
        }
    }

    /// <summary>Resident set size from /proc (Linux); elsewhere the Process API.</summary>
    public static long WorkingSet(int processId)
    {
        try
        {
            string statm = File.ReadAllText($"/proc/{processId}/statm");
            string resident = statm.Split(' ')[1];
            return long.Parse(resident, CultureInfo.InvariantCulture) * PageSize;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            using var process = Process.GetProcessById(processId);
            return process.WorkingSet64;
        }
    }

    private void Run()
    {
        while (!_stop)
        {
            Sample();
            Thread.Sleep(1);
        }
    }

    private void Sample()
    {
        try
        {
            Raise(ref _peakWorkingSet, WorkingSet(_processId));
        }
        catch (ArgumentException)
        {
            // The process has exited.
        }

        if (_self)
        {
            Raise(ref _peakManaged, GC.GetTotalMemory(false));
        }
    }

    private static void Raise(ref long peak, long value)
    {
        long seen = Interlocked.Read(ref peak);
        while (value > seen)
        {
            long previous = Interlocked.CompareExchange(ref peak, value, seen);
            if (previous == seen)
            {
                return;
            }

            seen = previous;
        }
    }
}
