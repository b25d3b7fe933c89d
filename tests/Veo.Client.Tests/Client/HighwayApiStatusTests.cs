using System;
using System.Text.Json;

namespace Veo.Client.Tests.Client;

public sealed class HighwayApiStatusTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    private static TaskState Read(string json)
    {
        using JsonDocument document = JsonDocument.Parse(json);
        return HighwayApiProtocol.Instance.ReadStatus(document.RootElement, Now);
    }

    private static string Answer(string status, string extra = "", int progress = 0, int eta = 0, string reason = "") =>
        $"{{\"extra\":{{}},\"task\":{{\"task_id\":\"t1\",\"status\":\"{status}\",\"reason\":\"{reason}\",\"task_type\":\"video\"," +
        $"\"eta\":{eta},\"progress_percent\":{progress}}}{extra}}}";

    [Fact]
    public void QueuedCarriesTheEta()
    {
        TaskState state = Read(Answer("TASK_STATUS_QUEUED", eta: 95));
        Assert.Equal(VeoTaskStatus.Queued, state.Status);
        Assert.Equal(95, state.EtaSeconds);
    }

    [Fact]
    public void ProcessingCarriesProgressAndEta()
    {
        TaskState state = Read(Answer("TASK_STATUS_PROCESSING", progress: 45, eta: 30));
        Assert.Equal(VeoTaskStatus.Running, state.Status);
        Assert.Equal(45, state.Progress);
        Assert.Equal(30, state.EtaSeconds);
    }

    [Fact]
    public void SucceededListsEveryVideoWithItsExpiryFromAStringOrNumberTtl()
    {
        TaskState state = Read(Answer("TASK_STATUS_SUCCEED", progress: 100, extra:
            ",\"videos\":[{\"video_url\":\"https://cdn.example/a.mp4\",\"video_url_ttl\":\"3600\",\"video_type\":\"mp4\"}," +
            "{\"video_url\":\"https://cdn.example/b.mp4\",\"video_url_ttl\":600,\"video_type\":\"mp4\"}]"));
        Assert.Equal(VeoTaskStatus.Succeeded, state.Status);
        Assert.Equal(2, state.Videos.Count);
        Assert.Equal(new Uri("https://cdn.example/a.mp4"), state.Videos[0].Uri);
        Assert.Equal(Now.AddHours(1), state.Videos[0].ExpiresAt);
        Assert.Equal(Now.AddMinutes(10), state.Videos[1].ExpiresAt);
    }

    [Fact]
    public void SucceededWithoutAVideoWaitsForTheLinkThenFailsAsTaskHasNoVideo()
    {
        TaskState first = Read(Answer("TASK_STATUS_SUCCEED", extra: ",\"videos\":[]"));
        TaskState later = first with { RetrievedAt = Now.AddSeconds(61), CompletedWithoutVideoSince = Now.AddSeconds(61) };

        Assert.Equal(VeoTaskStatus.Running, first.After(TaskState.Created(Now), TimeSpan.FromSeconds(60)).Status);
        TaskState failed = later.After(first, TimeSpan.FromSeconds(60));
        Assert.Equal(VeoTaskStatus.Failed, failed.Status);
        Assert.Equal(VeoErrorIds.TaskHasNoVideo, failed.ErrorCode);
    }

    [Theory]
    [InlineData("TASK_STATUS_FAILED")]
    [InlineData("TASK_STATUS_CANCELED")]
    public void FailedCarriesTheReason(string status)
    {
        TaskState state = Read(Answer(status, reason: "blocked by the safety filter"));
        Assert.Equal(VeoTaskStatus.Failed, state.Status);
        Assert.Equal("blocked by the safety filter", state.ErrorMessage);
    }

    [Fact]
    public void AnUnknownStatusKeepsPolling() => Assert.Equal(VeoTaskStatus.Running, Read(Answer("TASK_STATUS_SOMETHING_NEW")).Status);

    [Fact]
    public void AnAnswerWithoutATaskIsInvalid()
    {
        VeoException error = Assert.Throws<VeoException>(() => Read("{\"videos\":[]}"));
        Assert.Equal(VeoErrorIds.InvalidProviderResponse, error.ErrorId);
    }

    [Theory]
    [InlineData(401, "FAILED_TO_AUTH", VeoErrorIds.AuthenticationFailed, VeoErrorKind.AuthenticationError)]
    [InlineData(403, "INVALID_API_KEY", VeoErrorIds.AuthenticationFailed, VeoErrorKind.AuthenticationError)]
    [InlineData(403, "NOT_ENOUGH_BALANCE", VeoErrorIds.InsufficientBalance, VeoErrorKind.QuotaExceeded)]
    [InlineData(403, "ACCESS_DENY", VeoErrorIds.AccessDenied, VeoErrorKind.PermissionDenied)]
    [InlineData(400, "INVALID_REQUEST_BODY", VeoErrorIds.RequestRejected, VeoErrorKind.InvalidArgument)]
    [InlineData(404, "MODEL_NOT_FOUND", VeoErrorIds.ModelNotFound, VeoErrorKind.ObjectNotFound)]
    [InlineData(429, "RATE_LIMIT_EXCEEDED", VeoErrorIds.RateLimited, VeoErrorKind.LimitsExceeded)]
    [InlineData(503, "SERVICE_NOT_AVAILABLE", VeoErrorIds.ProviderUnavailable, VeoErrorKind.ResourceUnavailable)]
    public void ErrorNamesBecomeDistinctErrorIds(int status, string reason, string errorId, VeoErrorKind kind)
    {
        VeoApiException error = HighwayApiProtocol.Instance.ReadError(
            ApiCall.Create, status, $"{{\"code\":{status},\"reason\":\"{reason}\",\"message\":\"details here\",\"metadata\":{{}}}}");
        Assert.Equal(errorId, error.ErrorId);
        Assert.Equal(kind, error.Kind);
        Assert.Equal(reason, error.ProviderCode);
        Assert.Contains("details here", error.Message);
    }

    [Fact]
    public void ANonJsonErrorBodyIsQuoted()
    {
        VeoApiException error = HighwayApiProtocol.Instance.ReadError(ApiCall.Status, 502, "<html>Bad gateway</html>");
        Assert.Equal(VeoErrorIds.ProviderError, error.ErrorId);
        Assert.Contains("Bad gateway", error.Message);
    }
}
