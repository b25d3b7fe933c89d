using System;
using static Veo.Client.Tests.Client.ProviderTestKit;

namespace Veo.Client.Tests.Client;

/// <summary>The provider-neutral task state: "completed without a video" and "overdue" are decided here for every adapter.</summary>
public sealed class TaskStateTests
{
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(60);

    private static readonly VeoVideo[] OneVideo = { new(new Uri("https://cdn.example/a.mp4"), null) };

    [Fact]
    public void CompletedWithAVideoSucceeds()
    {
        TaskState state = TaskState.Completed(OneVideo, Now, 1.5m);
        Assert.Equal((VeoTaskStatus.Succeeded, 100, 1.5m), (state.Status, state.Progress, state.Cost));
        Assert.Null(state.CompletedWithoutVideoSince);
        Assert.Equal(state, state.After(TaskState.Created(Now), Grace));
    }

    [Fact]
    public void CompletedWithoutAVideoKeepsRunningThroughTheGraceCountedFromTheFirstSuchAnswer()
    {
        TaskState first = TaskState.Completed(Array.Empty<VeoVideo>(), Now).After(TaskState.Running(50, null, Now.AddSeconds(-5)), Grace);
        TaskState second = TaskState.Completed(Array.Empty<VeoVideo>(), Now.AddSeconds(59)).After(first, Grace);
        TaskState third = TaskState.Completed(Array.Empty<VeoVideo>(), Now.AddSeconds(60)).After(second, Grace);

        Assert.Equal((VeoTaskStatus.Running, Now), (first.Status, first.CompletedWithoutVideoSince));
        Assert.Equal((VeoTaskStatus.Running, Now), (second.Status, second.CompletedWithoutVideoSince));
        Assert.Equal((VeoTaskStatus.Failed, VeoErrorIds.TaskHasNoVideo), (third.Status, third.ErrorCode));
        Assert.Contains("no video within 60 s", third.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void ALinkAfterACompletedWithoutOneIsASuccess()
    {
        TaskState empty = TaskState.Completed(Array.Empty<VeoVideo>(), Now).After(null, Grace);
        TaskState done = TaskState.Completed(OneVideo, Now.AddSeconds(30)).After(empty, Grace);
        Assert.Equal(VeoTaskStatus.Succeeded, done.Status);
    }

    [Fact]
    public void WithoutGraceCompletedWithoutAVideoFailsAtOnce() =>
        Assert.Equal(VeoTaskStatus.Failed, TaskState.Completed(Array.Empty<VeoVideo>(), Now).After(TaskState.Created(Now), TimeSpan.Zero).Status);

    [Fact]
    public void FailedWithoutAReasonSaysSo() =>
        Assert.Equal("The provider reported the task as failed without a reason.", TaskState.Failed("X", " ", 10, Now).ErrorMessage);

    [Fact]
    public void ATaskIsOverdueOnceTheEndItsFirstEstimatePromisedHasPassed()
    {
        TaskState created = TaskState.Queued(0, 30, Now).After(null, Grace);
        // Later answers that give no estimate, or the same total again, do not move the promised end.
        TaskState running = TaskState.Running(40, null, Now.AddSeconds(20)).After(created, Grace);
        TaskState again = TaskState.Queued(0, 30, Now.AddSeconds(25)).After(running, Grace);

        Assert.Equal(Now.AddSeconds(30), again.ExpectedEndAt);
        Assert.False(again.IsOverdue(Now.AddSeconds(30)));
        Assert.True(again.IsOverdue(Now.AddSeconds(31)));
        Assert.False(TaskState.Running(40, null, Now).After(null, Grace).IsOverdue(Now.AddDays(1)));
        Assert.False(TaskState.Completed(OneVideo, Now.AddSeconds(40)).After(again, Grace).IsOverdue(Now.AddDays(1)));
    }
}
