using System;
using System.Management.Automation;
using Veo.Client;
using Veo.PowerShell.Infrastructure;

namespace Veo.PowerShell.Commands;

/// <summary>
/// Waits for tasks to succeed or fail. Every piped task is polled at once, in the background, and each is
/// emitted as soon as it succeeds; a failed or timed-out task is a non-terminating error whose target is the task.
/// </summary>
[Cmdlet(VerbsLifecycle.Wait, "VeoTask", DefaultParameterSetName = TaskSet)]
[OutputType(typeof(VeoTask))]
public sealed class WaitVeoTaskCommand : VeoCmdlet
{
    /// <summary>Half an hour: far beyond a normal Veo task (minutes), short of forever.</summary>
    public const int DefaultTimeoutSeconds = 1800;

    private const string TaskSet = "Task";
    private const string TaskIdSet = "TaskId";

    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = TaskSet)]
    [ArgumentCompleter(typeof(NoValueCompleter))]
    public VeoTask[] Task { get; set; } = new VeoTask[0];

    /// <summary>Task ids; the ledger says which provider and address created each.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = TaskIdSet)]
    [Alias("Id")]
    [ArgumentCompleter(typeof(TaskIdCompleter))]
    [ValidateNotNullOrEmpty]
    public string[] TaskId { get; set; } = new string[0];

    /// <summary>How long to wait for each task, in seconds.</summary>
    [Parameter]
    [ArgumentCompleter(typeof(NoValueCompleter))]
    [ValidateRange(1, int.MaxValue)]
    public int TimeoutSeconds { get; set; } = DefaultTimeoutSeconds;

    protected override void ProcessRecord()
    {
        if (ParameterSetName == TaskSet)
        {
            foreach (VeoTask task in Task)
            {
                VeoTask target = task.WithConnection(ResolveConnection(task));
                Start(token => WaitAndEmitAsync(target, TimeSpan.FromSeconds(TimeoutSeconds), token));
            }
        }
        else
        {
            foreach (string id in TaskId)
            {
                (VeoConnection connection, LedgerEntry? known) = ResolveById(id);
                Start(async token =>
                {
                    // The first read counts as part of the wait: -TimeoutSeconds bounds both.
                    DateTimeOffset deadline = DateTimeOffset.UtcNow.AddSeconds(TimeoutSeconds);
                    VeoTask start = await Client.GetTaskAsync(connection, id, token, known, TimeSpan.FromSeconds(TimeoutSeconds)).ConfigureAwait(false);
                    await WaitAndEmitAsync(start, deadline - DateTimeOffset.UtcNow, token).ConfigureAwait(false);
                });
            }
        }

        DrainPending();
    }

    protected override void EndProcessing() => DrainUntilIdle();

    private async System.Threading.Tasks.Task WaitAndEmitAsync(VeoTask task, TimeSpan timeout, System.Threading.CancellationToken token)
    {
        VeoTask? done = await WaitForAsync(task, timeout, token).ConfigureAwait(false);
        if (done is not null)
        {
            Post(() => WriteObject(done));
        }
    }
}
