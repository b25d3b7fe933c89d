using System;

namespace Veo.Client.Tests.Client;

public sealed class PollScheduleTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);
    private static readonly VeoClientOptions Defaults = new();

    private static TaskState Running(int progress, int? eta = null, double atSeconds = 0) =>
        TaskState.Running(progress, eta, Start.AddSeconds(atSeconds));

    [Theory]
    [InlineData(110, 15)]
    [InlineData(10, 6)]
    [InlineData(1, 1)]
    public void AnEtaPollsSparselyEarlyAndDenselyNearTheEnd(int eta, double expectedSeconds) =>
        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), PollSchedule.Next(Running(50, eta), 0, Defaults));

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 1.5)]
    [InlineData(2, 2.25)]
    [InlineData(10, 5)]
    public void WithoutAnEstimateItStartsQuickAndBacksOffToTheDefault(int pollsWithoutEstimate, double expectedSeconds) =>
        Assert.Equal(expectedSeconds, PollSchedule.Next(Running(0), pollsWithoutEstimate, Defaults).TotalSeconds, 3);

    [Fact]
    public void TheProgressRateGivesAnEstimateWhenTheProviderGivesNoEta()
    {
        var rate = new ProgressRate();

        Assert.Null(rate.WithEstimate(Running(10, atSeconds: 0)).EtaSeconds);
        Assert.Equal(80, rate.WithEstimate(Running(20, atSeconds: 10)).EtaSeconds);
        Assert.Equal(30, rate.WithEstimate(Running(55, atSeconds: 30)).EtaSeconds);
    }

    [Fact]
    public void TheProvidersOwnEtaWins()
    {
        var rate = new ProgressRate();
        rate.WithEstimate(Running(10, atSeconds: 0));

        Assert.Equal(7, rate.WithEstimate(Running(20, eta: 7, atSeconds: 10)).EtaSeconds);
    }

    [Fact]
    public void NoProgressGivesNoEstimate()
    {
        var rate = new ProgressRate();
        rate.WithEstimate(Running(30, atSeconds: 0));

        Assert.Null(rate.WithEstimate(Running(30, atSeconds: 10)).EtaSeconds);
        Assert.Null(rate.WithEstimate(TaskState.Queued(0, null, Start)).EtaSeconds);
    }
}
