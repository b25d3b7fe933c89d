using System;
using System.Collections.Concurrent;
using System.Collections.Generic;

namespace Veo.PowerShell.Infrastructure;

/// <summary>
/// Output of work that runs at once but is written in input order: each input gets a slot, and a finished slot is
/// written once every slot before it has been. Pipeline thread only (slots fill from any thread).
/// </summary>
internal sealed class OrderedOutput
{
    private readonly Queue<OutputSlot> _slots = new();

    public OutputSlot Add(int activityId = 0)
    {
        var slot = new OutputSlot(activityId);
        _slots.Enqueue(slot);
        return slot;
    }

    /// <summary>Marks the slot's work as ended and writes the output of every finished slot that no unfinished slot precedes.</summary>
    public void Complete(OutputSlot slot)
    {
        slot.Done = true;
        while (_slots.Count > 0 && _slots.Peek().Done)
        {
            foreach (Action write in _slots.Dequeue().Output)
            {
                write();
            }
        }
    }
}

/// <summary>One input's output, held until every input before it has been written.</summary>
internal sealed class OutputSlot
{
    public OutputSlot(int activityId)
    {
        ActivityId = activityId;
    }

    /// <summary>The progress bar of this input's work, when it shows one.</summary>
    public int ActivityId { get; }

    /// <summary>Writes to run on the pipeline thread, in order.</summary>
    public ConcurrentQueue<Action> Output { get; } = new();

    /// <summary>Set on the pipeline thread once the input's work has ended.</summary>
    public bool Done { get; set; }
}
