using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using Veo.Simulator;

namespace Veo.Client.Tests.Simulator;

public sealed class FaultInjectionTests
{
    private const string Endpoint = "veo-3.1-lite-i2v";

    [Fact]
    public async Task Status_fault_answers_with_provider_error_and_retry_after_once()
    {
        await using SimulatorServer sim = await SimulatorServer.StartAsync();
        using var api = new SimulatorApi(sim);
        sim.State.Faults.Add(FaultTarget.Create, new Fault.HttpStatus(503, RetryAfter: "1"));

        using (HttpResponseMessage faulted = await api.CreateAsync(Endpoint, SimulatorBodies.Minimal(Endpoint)))
        {
            Assert.Equal(TimeSpan.FromSeconds(1), faulted.Headers.RetryAfter!.Delta);
            await SimulatorApi.AssertErrorAsync(faulted, HttpStatusCode.ServiceUnavailable, "SERVICE_NOT_AVAILABLE");
        }

        using HttpResponseMessage next = await api.CreateAsync(Endpoint, SimulatorBodies.Minimal(Endpoint));
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
    }

    [Fact]
    public async Task Retry_after_date_is_sent_verbatim_and_times_counts_requests()
    {
        await using SimulatorServer sim = await SimulatorServer.StartAsync();
        using var api = new SimulatorApi(sim);
        const string date = "Wed, 21 Oct 2015 07:28:00 GMT";
        sim.State.Faults.Add(FaultTarget.Status, new Fault.HttpStatus(429, date), times: 2);

        for (int i = 0; i < 2; i++)
        {
            using HttpResponseMessage faulted = await api.GetResultAsync("any");
            Assert.Equal(date, faulted.Headers.GetValues("Retry-After").Single());
            await SimulatorApi.AssertErrorAsync(faulted, HttpStatusCode.TooManyRequests, "RATE_LIMIT_EXCEEDED");
        }

        using HttpResponseMessage next = await api.GetResultAsync("any");
        await SimulatorApi.AssertErrorAsync(next, HttpStatusCode.NotFound, "TASK_NOT_FOUND");
    }

    [Fact]
    public async Task Faults_only_hit_their_target()
    {
        await using SimulatorServer sim = await SimulatorServer.StartAsync();
        using var api = new SimulatorApi(sim);
        sim.State.Faults.Add(FaultTarget.Status, new Fault.HttpStatus(500));

        using HttpResponseMessage create = await api.CreateAsync(Endpoint, SimulatorBodies.Minimal(Endpoint));
        Assert.Equal(HttpStatusCode.OK, create.StatusCode);
        using HttpResponseMessage status = await api.GetResultAsync("any");
        Assert.Equal(HttpStatusCode.InternalServerError, status.StatusCode);
    }

    [Fact]
    public async Task Connection_reset_throws_on_the_client_and_is_recorded_as_0()
    {
        await using SimulatorServer sim = await SimulatorServer.StartAsync();
        using var api = new SimulatorApi(sim);
        sim.State.Faults.Add(FaultTarget.Create, new Fault.ConnectionReset());

        await Assert.ThrowsAsync<HttpRequestException>(() => api.CreateAsync(Endpoint, SimulatorBodies.Minimal(Endpoint)));

        RecordedRequest recorded = await WaitForRecordAsync(sim);
        Assert.Equal(0, recorded.StatusCode);
    }

    [Fact]
    public async Task Delay_exceeds_a_client_timeout()
    {
        await using SimulatorServer sim = await SimulatorServer.StartAsync();
        // Long enough for the request to reach a busy server, far shorter than the delay.
        using var api = new SimulatorApi(sim, timeout: TimeSpan.FromSeconds(1));
        sim.State.Faults.Add(FaultTarget.Status, new Fault.Delay(TimeSpan.FromSeconds(30)));

        await Assert.ThrowsAsync<TaskCanceledException>(() => api.GetResultAsync("any"));

        RecordedRequest recorded = await WaitForRecordAsync(sim);
        Assert.Equal(0, recorded.StatusCode);
    }

    [Fact]
    public async Task Delay_then_answers_normally()
    {
        await using SimulatorServer sim = await SimulatorServer.StartAsync();
        using var api = new SimulatorApi(sim);
        sim.State.Faults.Add(FaultTarget.Status, new Fault.Delay(TimeSpan.FromMilliseconds(150)));

        var elapsed = Stopwatch.StartNew();
        using HttpResponseMessage response = await api.GetResultAsync("any");

        Assert.True(elapsed.Elapsed >= TimeSpan.FromMilliseconds(140), $"answered after {elapsed.Elapsed}");
        await SimulatorApi.AssertErrorAsync(response, HttpStatusCode.NotFound, "TASK_NOT_FOUND");
    }

    [Fact]
    public async Task Malformed_json_is_200_with_a_broken_body()
    {
        await using SimulatorServer sim = await SimulatorServer.StartAsync();
        using var api = new SimulatorApi(sim);
        sim.State.Faults.Add(FaultTarget.Status, new Fault.MalformedJson());

        using HttpResponseMessage response = await api.GetResultAsync("any");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        string body = await response.Content.ReadAsStringAsync();
        Assert.Equal("{not json", body);
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(body));
    }

    [Fact]
    public async Task Truncated_download_sends_fewer_bytes_than_content_length()
    {
        await using SimulatorServer sim = await VideoDownloadTests.StartInstantAsync();
        using var api = new SimulatorApi(sim);
        Uri link = (await VideoDownloadTests.FinishedVideoLinksAsync(api))[0];
        long fullLength = (await api.Http.GetByteArrayAsync(link)).Length;
        sim.State.Faults.Add(FaultTarget.Download, new Fault.TruncatedBody(0.5));

        using HttpResponseMessage response = await api.Http.GetAsync(link, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(fullLength, response.Content.Headers.ContentLength);
        await using Stream body = await response.Content.ReadAsStreamAsync();
        long received = 0;
        byte[] buffer = new byte[4096];
        IOException error = await Assert.ThrowsAnyAsync<IOException>(async () =>
        {
            int read;
            while ((read = await body.ReadAsync(buffer)) > 0)
            {
                received += read;
            }
        });

        Assert.NotNull(error);
        Assert.InRange(received, 0, fullLength - 1);
    }

    [Fact]
    public async Task Truncated_download_fails_a_buffered_read()
    {
        await using SimulatorServer sim = await VideoDownloadTests.StartInstantAsync();
        using var api = new SimulatorApi(sim);
        Uri link = (await VideoDownloadTests.FinishedVideoLinksAsync(api))[0];
        sim.State.Faults.Add(FaultTarget.Download, new Fault.TruncatedBody(0.25));

        Exception error = await Assert.ThrowsAnyAsync<Exception>(() => api.Http.GetByteArrayAsync(link));

        Assert.True(error is IOException or HttpRequestException, error.ToString());
    }

    [Fact]
    public async Task Download_status_fault_is_not_a_provider_json_error()
    {
        await using SimulatorServer sim = await VideoDownloadTests.StartInstantAsync();
        using var api = new SimulatorApi(sim);
        Uri link = (await VideoDownloadTests.FinishedVideoLinksAsync(api))[0];
        sim.State.Faults.Add(FaultTarget.Download, new Fault.HttpStatus(503, "2"));

        using HttpResponseMessage response = await api.Http.GetAsync(link);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(2), response.Headers.RetryAfter!.Delta);
        Assert.Equal("application/xml", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public void Invalid_faults_are_refused()
    {
        var faults = new FaultScript();
        Assert.Throws<ArgumentOutOfRangeException>(() => faults.Add(FaultTarget.Create, new Fault.ConnectionReset(), times: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => faults.Add(FaultTarget.Create, new Fault.HttpStatus(42)));
        Assert.Throws<ArgumentOutOfRangeException>(() => faults.Add(FaultTarget.Download, new Fault.TruncatedBody(1.0)));
    }

    /// <summary>The server records a dropped request only after its pipeline unwinds, which may trail the client's exception.</summary>
    private static async Task<RecordedRequest> WaitForRecordAsync(SimulatorServer sim)
    {
        var deadline = Stopwatch.StartNew();
        while (sim.State.Requests.Count == 0)
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(10), "request was not recorded");
            await Task.Delay(10);
        }

        return Assert.Single(sim.State.Requests);
    }
}
