using System;
using System.Threading;

namespace Veo.Client;

/// <summary>A caller's token that is also cancelled at a deadline, and knows which of the two fired.</summary>
internal sealed class DeadlineScope : IDisposable
{
    private readonly CancellationTokenSource _source;
    private readonly CancellationToken _caller;

    public DeadlineScope(DateTimeOffset? deadline, CancellationToken caller)
    {
        _caller = caller;
        _source = CancellationTokenSource.CreateLinkedTokenSource(caller);
        if (deadline is DateTimeOffset end)
        {
            TimeSpan left = end - DateTimeOffset.UtcNow;
            _source.CancelAfter(left > TimeSpan.Zero ? left : TimeSpan.Zero);
        }
    }

    public CancellationToken Token => _source.Token;

    /// <summary>True when the deadline, not the caller, ended the work.</summary>
    public bool HasExpired => _source.IsCancellationRequested && !_caller.IsCancellationRequested;

    public void Dispose() => _source.Dispose();
}
