using System;
using Veo.Simulator.Hosting;
using Veo.Simulator.Tasks;

namespace Veo.Simulator;

/// <summary>What protocols share: settings, tasks, the clock, the video links and uploaded files.</summary>
internal sealed class SimulatorContext(SimulatorOptions options, SimulatorState state, TimeProvider clock)
{
    public SimulatorOptions Options { get; } = options;

    public SimulatorState State { get; } = state;

    public TaskStore Tasks => State.Tasks;

    public TimeProvider Clock { get; } = clock;

    public VideoLibrary Videos { get; } = new(state.Tasks, options, clock);

    public FileLibrary Files => State.Files;
}
