using System;
using System.Collections.Concurrent;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;

namespace Veo.PowerShell.Infrastructure;

/// <summary>
/// Runs asynchronous work on the thread pool while every Write* happens on the pipeline thread: background code
/// posts actions into a mailbox that the pipeline thread drains. StopProcessing (Ctrl+C) cancels the work at once.
/// </summary>
public abstract class AsyncCmdlet : PSCmdlet, IDisposable
{
    private static readonly Action Wake = () => { };

    private readonly CancellationTokenSource _stopping = new();
    private readonly BlockingCollection<Action> _mailbox = new();
    private int _running;

    /// <summary>Cancelled when the user presses Ctrl+C or the pipeline stops.</summary>
    protected CancellationToken StopToken => _stopping.Token;

    protected override void StopProcessing() => _stopping.Cancel();

    /// <summary>Queues an action for the pipeline thread. Safe from any thread.</summary>
    protected void Post(Action action) => _mailbox.Add(action);

    /// <summary>Starts work in the background; failures surface through <see cref="OnBackgroundFailure"/>.</summary>
    protected void Start(Func<CancellationToken, Task> work)
    {
        Interlocked.Increment(ref _running);
        _ = Task.Run(async () =>
        {
            try
            {
                await work(StopToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (StopToken.IsCancellationRequested)
            {
                // Stopped by the user: nothing to report.
            }
            catch (Exception ex)
            {
                Post(() => OnBackgroundFailure(ex));
            }
            finally
            {
                // Decrement before waking, so the drain loop sees the final count after the last message.
                Interlocked.Decrement(ref _running);
                _mailbox.Add(Wake);
            }
        });
    }

    /// <summary>Runs one piece of work and pumps its output until it is done.</summary>
    protected void RunToCompletion(Func<CancellationToken, Task> work)
    {
        Start(work);
        DrainUntilIdle();
    }

    /// <summary>Writes whatever background work has produced so far, without waiting.</summary>
    protected void DrainPending()
    {
        while (_mailbox.TryTake(out Action? action))
        {
            action();
        }
    }

    /// <summary>Pumps output until all background work has finished.</summary>
    protected void DrainUntilIdle() => DrainWhile(() => Volatile.Read(ref _running) != 0);

    /// <summary>Pumps output while <paramref name="busy"/> holds (checked on the pipeline thread after each action).</summary>
    protected void DrainWhile(Func<bool> busy)
    {
        try
        {
            while (true)
            {
                DrainPending();
                if (!busy())
                {
                    DrainPending();
                    return;
                }

                Action action;
                try
                {
                    action = _mailbox.Take(StopToken);
                }
                catch (OperationCanceledException)
                {
                    OnStopped();
                    throw new PipelineStoppedException();
                }

                action();
            }
        }
        catch
        {
            // A terminating error or a stop: let the remaining work end too.
            _stopping.Cancel();
            throw;
        }
    }

    /// <summary>Runs <paramref name="question"/> (a ShouldProcess) on the pipeline thread and gives its answer to background work.</summary>
    protected Task<bool> AskAsync(Func<bool> question, CancellationToken cancellationToken)
    {
        var answer = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        CancellationTokenRegistration registration = cancellationToken.Register(() => answer.TrySetCanceled());
        Post(() =>
        {
            try
            {
                answer.TrySetResult(question());
            }
            catch (Exception ex)
            {
                answer.TrySetException(ex);
                throw;
            }
            finally
            {
                registration.Dispose();
            }
        });
        return answer.Task;
    }

    /// <summary>
    /// Called on the pipeline thread when the user stopped the command: the streams are closing, so only the host can
    /// still be told something that must not be lost.
    /// </summary>
    protected virtual void OnStopped()
    {
    }

    /// <summary>Called on the pipeline thread for an exception the background work did not handle.</summary>
    protected abstract void OnBackgroundFailure(Exception exception);

    public void Dispose()
    {
        _stopping.Cancel();
        _stopping.Dispose();
        _mailbox.Dispose();
        GC.SuppressFinalize(this);
    }
}
