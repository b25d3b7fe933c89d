using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Veo.Client;

namespace Veo.PowerShell.Infrastructure;

/// <summary>
/// One progress bar for all the tasks a cmdlet waits for. The activity says how many have finished (the bar is the
/// overall percent); the status leads with what changes — state, percent, time left — then the latest task's short id,
/// so the Minimal view's one line cuts nothing that matters and the Classic view reads as two short lines.
/// </summary>
internal sealed class WaitProgress
{
    private const int ActivityId = 1;

    /// <summary>How many of an id's last characters identify a task on screen (ids share their provider's prefix).</summary>
    private const int ShortIdLength = 8;

    private readonly Dictionary<string, VeoTask> _waiting = new();
    private int _finished;

    public ProgressRecord Started(VeoTask task)
    {
        _waiting[task.TaskId] = task;
        return Record(task);
    }

    public ProgressRecord Updated(VeoTask task)
    {
        _waiting[task.TaskId] = task;
        return Record(task);
    }

    public ProgressRecord Finished(VeoTask task)
    {
        if (_waiting.Remove(task.TaskId))
        {
            _finished++;
        }

        ProgressRecord record = Record(task);
        if (_waiting.Count == 0)
        {
            record.RecordType = ProgressRecordType.Completed;
        }

        return record;
    }

    /// <summary>The end of a task id, enough to tell tasks apart on one screen: …06cc0fb7.</summary>
    public static string ShortId(string taskId) =>
        taskId.Length <= ShortIdLength + 1 ? taskId : "…" + taskId.Substring(taskId.Length - ShortIdLength);

    /// <summary>State, percent while running, and time left when known: "Running 42%, about 30 s left".</summary>
    private static string DescribeState(VeoTask task)
    {
        string state = task.Status == VeoTaskStatus.Running ? $"Running {task.Progress}%" : task.Status.ToString();
        return !task.IsFinished && task.EtaSeconds is int seconds && seconds > 0 ? $"{state}, about {seconds} s left" : state;
    }

    private ProgressRecord Record(VeoTask latest)
    {
        int total = _waiting.Count + _finished;
        var record = new ProgressRecord(
            ActivityId,
            total == 1 ? "Veo task" : $"Veo tasks: {_finished} of {total} finished",
            $"{DescribeState(latest)} · task {ShortId(latest.TaskId)}");
        int inFlight = _waiting.Values.Sum(t => t.Progress);
        record.PercentComplete = total == 0 ? 100 : System.Math.Min(100, (_finished * 100 + inFlight) / total);
        return record;
    }
}
