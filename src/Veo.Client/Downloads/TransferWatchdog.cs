using System;
using System.Diagnostics;
using System.Threading;

namespace Veo.Client;

/// <summary>
/// Watches a transfer on a clock rather than per read: it cancels <see cref="Token"/> when nothing has arrived for the
/// idle timeout, or when less than the minimum rate arrived over a whole rate window (a trickle is broken, not idle).
/// The reader only adds to a counter; no timer is re-armed per chunk.
/// </summary>
internal sealed class TransferWatchdog : IDisposable
{
    private readonly CancellationTokenSource _tripped;
    private readonly Timer _timer;
    private readonly long _idleTicks;
    private readonly long _windowTicks;
    private readonly double _minBytesPerSecond;
    private long _bytes;
    private long _lastArrival;
    private long _windowStart;
    private long _windowStartBytes;

    public TransferWatchdog(VeoClientOptions options, CancellationToken cancellationToken)
    {
        _tripped = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _idleTicks = ToTicks(options.DownloadIdleTimeout);
        _windowTicks = ToTicks(options.DownloadRateWindow);
        _minBytesPerSecond = options.DownloadMinBytesPerSecond;
        _lastArrival = _windowStart = Stopwatch.GetTimestamp();
        TimeSpan shortest = options.DownloadIdleTimeout < options.DownloadRateWindow ? options.DownloadIdleTimeout : options.DownloadRateWindow;
        var period = TimeSpan.FromTicks(Math.Max(TimeSpan.FromMilliseconds(50).Ticks, Math.Min(TimeSpan.TicksPerSecond, shortest.Ticks / 4)));
        _timer = new Timer(_ => Check(), null, period, period);
    }

    /// <summary>Cancelled by the caller's token, or when the transfer is judged broken.</summary>
    public CancellationToken Token => _tripped.Token;

    /// <summary>Why the transfer was judged broken, once it was.</summary>
    public string? Verdict { get; private set; }

    /// <summary>Called by the reader for each chunk.</summary>
    public void Arrived(int count)
    {
        Volatile.Write(ref _bytes, _bytes + count);
        Volatile.Write(ref _lastArrival, Stopwatch.GetTimestamp());
    }

    public void Dispose()
    {
        _timer.Dispose();
        _tripped.Dispose();
    }

    private void Check()
    {
        long now = Stopwatch.GetTimestamp();
        long bytes = Volatile.Read(ref _bytes);
        if (now - Volatile.Read(ref _lastArrival) >= _idleTicks)
        {
            Trip($"no data for {TimeSpan.FromSeconds((double)_idleTicks / Stopwatch.Frequency).TotalSeconds:0.#} s");
        }
        else if (now - _windowStart >= _windowTicks)
        {
            double seconds = (double)(now - _windowStart) / Stopwatch.Frequency;
            double rate = (bytes - _windowStartBytes) / seconds;
            if (rate < _minBytesPerSecond)
            {
                Trip($"only {rate:0} bytes/s over {seconds:0.#} s, below the {_minBytesPerSecond:0} bytes/s a download needs");
            }

            _windowStart = now;
            _windowStartBytes = bytes;
        }
    }

    private void Trip(string verdict)
    {
        if (Verdict is null)
        {
            Verdict = verdict;
            try
            {
                _tripped.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // The transfer ended meanwhile.
            }
        }
    }

    private static long ToTicks(TimeSpan span) => (long)(span.TotalSeconds * Stopwatch.Frequency);
}
