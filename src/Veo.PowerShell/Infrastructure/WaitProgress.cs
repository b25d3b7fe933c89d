using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Veo.Client;

namespace Veo.PowerShell.Infrastructure;

/// <summary>One progress bar for all the tasks a cmdlet waits for: how many are done and where the latest one stands.</summary>
internal sealed class WaitProgress
{
    private const int ActivityId = 1;

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

    private ProgressRecord Record(VeoTask latest)
    {
        int total = _waiting.Count + _finished;
        string eta = latest.EtaSeconds is int seconds && seconds > 0 ? $", about {seconds} s left" : string.Empty;
        var record = new ProgressRecord(
            ActivityId,
            total == 1 ? $"Waiting for Veo task {latest.TaskId}" : $"Waiting for {total} Veo tasks",
            $"{_finished} of {total} finished; {latest.TaskId}: {latest.Status} {latest.Progress}%{eta}");
        int inFlight = _waiting.Values.Sum(t => t.Progress);
        record.PercentComplete = total == 0 ? 100 : System.Math.Min(100, (_finished * 100 + inFlight) / total);
        return record;
    }
}
