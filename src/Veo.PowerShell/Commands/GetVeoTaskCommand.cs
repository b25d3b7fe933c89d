using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using Veo.Client;
using Veo.PowerShell.Infrastructure;

namespace Veo.PowerShell.Commands;

/// <summary>
/// Reads the current state of tasks: by id (the ledger knows which provider and address created it), by refreshing
/// task objects, or, with no id, the most recent tasks of the ledger, newest first. With -Local it sends nothing and
/// lists the ledger itself: each task's last known status, key and saved files.
/// </summary>
[Cmdlet(VerbsCommon.Get, "VeoTask", DefaultParameterSetName = RecentSet)]
[OutputType(typeof(VeoTask))]
[OutputType(typeof(LedgerEntry), ParameterSetName = new[] { LocalSet })]
public sealed class GetVeoTaskCommand : VeoCmdlet
{
    private const string TaskIdSet = "TaskId";
    private const string TaskSet = "Task";
    private const string RecentSet = "Recent";
    private const string LocalSet = "Local";

    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = TaskIdSet)]
    [Alias("Id")]
    [ArgumentCompleter(typeof(TaskIdCompleter))]
    [ValidateNotNullOrEmpty]
    public string[] TaskId { get; set; } = new string[0];

    /// <summary>Task objects to refresh; what they knew (model, prompt) is kept.</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = TaskSet)]
    [ArgumentCompleter(typeof(NoValueCompleter))]
    public VeoTask[] Task { get; set; } = new VeoTask[0];

    /// <summary>How many of the most recent tasks in the ledger to show (10 by default; with -Local, all).</summary>
    [Parameter(ParameterSetName = RecentSet)]
    [Parameter(ParameterSetName = LocalSet)]
    [ArgumentCompleter(typeof(NoValueCompleter))]
    [ValidateRange(1, int.MaxValue)]
    public int Last { get; set; } = 10;

    /// <summary>Lists the ledger as it is, newest first, sending no request.</summary>
    [Parameter(Mandatory = true, ParameterSetName = LocalSet)]
    public SwitchParameter Local { get; set; }

    /// <summary>With -Local: only the tasks not known to have failed that have no saved file (what a re-run still has to save).</summary>
    [Parameter(ParameterSetName = LocalSet)]
    public SwitchParameter Unsaved { get; set; }

    protected override void ProcessRecord()
    {
        switch (ParameterSetName)
        {
            case TaskSet:
                foreach (VeoTask task in Task)
                {
                    VeoTask target = task.WithConnection(ResolveConnection(task));
                    RunToCompletion(async token => Emit(await Client.RefreshAsync(target, token).ConfigureAwait(false)));
                }

                break;
            case TaskIdSet:
                foreach (string id in TaskId)
                {
                    (VeoConnection connection, LedgerEntry? known) = ResolveById(id);
                    RunToCompletion(async token => Emit(await Client.GetTaskAsync(connection, id, token, known).ConfigureAwait(false)));
                }

                break;
            case LocalSet:
                ShowLocal();
                break;
            default:
                ShowRecent();
                break;
        }
    }

    /// <summary>
    /// Reads the recent tasks at once, and emits them newest first whatever order the answers come in. A recent create
    /// that never named its task is a warning: it may have made a task that is billed.
    /// </summary>
    private void ShowRecent()
    {
        LedgerEntry[] recent = WithoutUnanswered(Newest(Last));
        VeoConnection[] connections = recent.Select(ResolveKnown).ToArray();
        RunToCompletion(async token =>
        {
            Task<VeoTask>[] reads = recent.Select((entry, i) => Client.GetTaskAsync(connections[i], entry.TaskId, token, entry)).ToArray();
            for (int i = 0; i < reads.Length; i++)
            {
                LedgerEntry entry = recent[i];
                try
                {
                    Emit(await reads[i].ConfigureAwait(false));
                }
                catch (VeoException ex)
                {
                    Post(() => WriteError(ToErrorRecord(ex, entry)));
                }
            }
        });
    }

    /// <summary>The ledger as it is; its creates that never named a task are warnings, as for the recent tasks.</summary>
    private void ShowLocal()
    {
        IEnumerable<LedgerEntry> entries = WithoutUnanswered(Newest(Unsaved || !MyInvocation.BoundParameters.ContainsKey(nameof(Last)) ? int.MaxValue : Last));
        if (Unsaved)
        {
            entries = entries.Where(e => e.Status != VeoTaskStatus.Failed && e.SavedFiles.Count == 0);
            if (MyInvocation.BoundParameters.ContainsKey(nameof(Last)))
            {
                entries = entries.Take(Last);
            }
        }

        WriteObject(entries, enumerateCollection: true);
    }

    private IReadOnlyList<LedgerEntry> Newest(int count) =>
        AskLedger((ledger, warn) => ledger.Newest(count, warn, withUnanswered: true), Array.Empty<LedgerEntry>());

    /// <summary>The tasks among <paramref name="entries"/>; each create that never named its task is a warning (it may be billed).</summary>
    private LedgerEntry[] WithoutUnanswered(IReadOnlyList<LedgerEntry> entries)
    {
        foreach (LedgerEntry unanswered in entries.Where(e => e.IsIntent))
        {
            WriteWarning($"A create request sent to {unanswered.Provider} at {unanswered.CreatedAt:u} ({unanswered.Model}, prompt '{unanswered.Prompt}'" +
                (unanswered.IdempotencyKey is null ? string.Empty : $", key '{unanswered.IdempotencyKey}'") +
                ") never named its task: it was stopped or its answer could not be read. A task may exist and be billed; check the provider's task list.");
        }

        return entries.Where(e => !e.IsIntent).ToArray();
    }

    private void Emit(VeoTask task) => Post(() => WriteObject(task));
}
