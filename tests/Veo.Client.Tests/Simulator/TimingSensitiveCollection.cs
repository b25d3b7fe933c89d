namespace Veo.Client.Tests.Simulator;

/// <summary>Tests that watch a task move through short phases run alone, so CPU contention can't skip a phase.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TimingSensitiveCollection
{
    public const string Name = "Simulator timing-sensitive";
}
