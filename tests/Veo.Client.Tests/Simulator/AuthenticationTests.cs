using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Veo.Simulator;

namespace Veo.Client.Tests.Simulator;

public sealed class AuthenticationTests : IClassFixture<SharedSimulatorFixture>, System.IDisposable
{
    private const string Endpoint = "veo-3.1-lite-i2v";

    private readonly SimulatorApi _api;

    public AuthenticationTests(SharedSimulatorFixture fixture)
    {
        _api = new SimulatorApi(fixture.Server);
    }

    [Fact]
    public async Task Create_without_key_is_403_invalid_api_key()
    {
        using HttpResponseMessage response = await _api.CreateAsync(Endpoint, SimulatorBodies.Minimal(Endpoint), apiKey: null);
        await SimulatorApi.AssertErrorAsync(response, HttpStatusCode.Forbidden, "INVALID_API_KEY");
    }

    [Fact]
    public async Task Create_with_unknown_key_is_401_failed_to_auth()
    {
        using HttpResponseMessage response = await _api.CreateAsync(Endpoint, SimulatorBodies.Minimal(Endpoint), apiKey: "not-a-key");
        await SimulatorApi.AssertErrorAsync(response, HttpStatusCode.Unauthorized, "FAILED_TO_AUTH");
    }

    [Fact]
    public async Task Create_with_broke_key_is_403_not_enough_balance()
    {
        using HttpResponseMessage response = await _api.CreateAsync(Endpoint, SimulatorBodies.Minimal(Endpoint), apiKey: "sim-broke");
        await SimulatorApi.AssertErrorAsync(response, HttpStatusCode.Forbidden, "NOT_ENOUGH_BALANCE");
    }

    [Fact]
    public async Task Task_result_needs_a_key_too()
    {
        using HttpResponseMessage missing = await _api.GetResultAsync("whatever", apiKey: null);
        await SimulatorApi.AssertErrorAsync(missing, HttpStatusCode.Forbidden, "INVALID_API_KEY");
        using HttpResponseMessage wrong = await _api.GetResultAsync("whatever", apiKey: "not-a-key");
        await SimulatorApi.AssertErrorAsync(wrong, HttpStatusCode.Unauthorized, "FAILED_TO_AUTH");
    }

    [Fact]
    public async Task Broke_key_may_still_query_tasks()
    {
        using HttpResponseMessage response = await _api.GetResultAsync("no-such-task", apiKey: "sim-broke");
        await SimulatorApi.AssertErrorAsync(response, HttpStatusCode.NotFound, "TASK_NOT_FOUND");
    }

    [Fact]
    public async Task Keys_come_from_the_options()
    {
        var options = new SimulatorOptions { BrokeKey = "empty-wallet" };
        options.ValidKeys.Add("second-key");
        await using SimulatorServer sim = await SimulatorServer.StartAsync(options);
        using var api = new SimulatorApi(sim);

        using HttpResponseMessage accepted = await api.CreateAsync(Endpoint, SimulatorBodies.Minimal(Endpoint), apiKey: "second-key");
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        using HttpResponseMessage broke = await api.CreateAsync(Endpoint, SimulatorBodies.Minimal(Endpoint), apiKey: "empty-wallet");
        await SimulatorApi.AssertErrorAsync(broke, HttpStatusCode.Forbidden, "NOT_ENOUGH_BALANCE");
    }

    public void Dispose() => _api.Dispose();
}
