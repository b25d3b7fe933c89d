using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using Veo.Client;
using Veo.PowerShell.Infrastructure;

namespace Veo.PowerShell.Commands;

/// <summary>
/// Reads the current state of tasks: by id (the ledger knows which provider and address created it), by refreshing
/// task objects, or, with no id, the most recent tasks of the ledger, newest first.
/// </summary>
[Cmdlet(VerbsCommon.Get, "VeoTask", DefaultParameterSetName = RecentSet)]
[OutputType(typeof(VeoTask))]
public sealed class GetVeoTaskCommand : VeoCmdlet
{
    private const string TaskIdSet = "TaskId";
    private const string TaskSet = "Task";
    private const string RecentSet = "Recent";

    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = TaskIdSet)]
    [Alias("Id")]
    [ArgumentCompleter(typeof(TaskIdCompleter))]
    [ValidateNotNullOrEmpty]
    public string[] TaskId { get; set; } = new string[0];

    /// <summary>Task objects to refresh; what they knew (model, prompt) is kept.</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = TaskSet)]
    [ArgumentCompleter(typeof(NoValueCompleter))]
    public VeoTask[] Task { get; set; } = new VeoTask[0];

    /// <summary>How many of the most recent tasks in the ledger to show.</summary>
    [Parameter(ParameterSetName = RecentSet)]
    [ArgumentCompleter(typeof(NoValueCompleter))]
    [ValidateRange(1, int.MaxValue)]
    public int Last { get; set; } = 10;

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
        LedgerEntry[] latest = LedgerLines.Reverse().Take(Last).ToArray();
        foreach (LedgerEntry unanswered in latest.Where(e => e.IsIntent))
        {
            WriteWarning($"A create request sent to {unanswered.Provider} at {unanswered.CreatedAt:u} ({unanswered.Model}, prompt '{unanswered.Prompt}') " +
                "never named its task: it was stopped or its answer could not be read. A task may exist and be billed; check the provider's task list.");
        }

        var recent = latest.Where(e => !e.IsIntent).Select(entry => (Entry: entry, Connection: ResolveById(entry.TaskId).Connection)).ToArray();
        RunToCompletion(async token =>
        {
            Task<VeoTask>[] reads = recent.Select(r => Client.GetTaskAsync(r.Connection, r.Entry.TaskId, token, r.Entry)).ToArray();
            for (int i = 0; i < reads.Length; i++)
            {
                LedgerEntry entry = recent[i].Entry;
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

    private void Emit(VeoTask task) => Post(() => WriteObject(task));
}
