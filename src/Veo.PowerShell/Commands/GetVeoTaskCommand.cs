using System.Management.Automation;
using Veo.Client;
using Veo.PowerShell.Infrastructure;

namespace Veo.PowerShell.Commands;

/// <summary>Reads the current state of tasks, by id or by refreshing task objects.</summary>
[Cmdlet(VerbsCommon.Get, "VeoTask", DefaultParameterSetName = TaskSet)]
[OutputType(typeof(VeoTask))]
public sealed class GetVeoTaskCommand : VeoCmdlet
{
    private const string TaskIdSet = "TaskId";
    private const string TaskSet = "Task";

    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = TaskIdSet)]
    [Alias("Id")]
    [ValidateNotNullOrEmpty]
    public string[] TaskId { get; set; } = new string[0];

    /// <summary>Task objects to refresh; what they knew (model, prompt) is kept.</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = TaskSet)]
    public VeoTask[] Task { get; set; } = new VeoTask[0];

    protected override void ProcessRecord()
    {
        if (ParameterSetName == TaskSet)
        {
            foreach (VeoTask task in Task)
            {
                VeoTask target = task.WithConnection(ResolveConnection(task));
                RunToCompletion(async token =>
                {
                    VeoTask current = await Client.RefreshAsync(target, token).ConfigureAwait(false);
                    Post(() => WriteObject(current));
                });
            }

            return;
        }

        VeoConnection byId = ResolveConnection();
        foreach (string id in TaskId)
        {
            RunToCompletion(async token =>
            {
                VeoTask current = await Client.GetTaskAsync(byId, id, token).ConfigureAwait(false);
                Post(() => WriteObject(current));
            });
        }
    }
}
