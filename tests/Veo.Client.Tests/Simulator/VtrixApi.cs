using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Veo.Simulator;

namespace Veo.Client.Tests.Simulator;

/// <summary>A thin HTTP client for the simulator's Vtrix protocol.</summary>
internal sealed class VtrixApi(SimulatorServer server, TimeSpan? timeout = null) : TaskApi(server, timeout, "model/v1/generation", "model/v1/generation/task/")
{
    /// <summary>Asserts a Vtrix HTTP error in the dialect's shape ({"message"}, or {"error"} for the CLI) and returns its text.</summary>
    public static async Task<string> AssertErrorAsync(HttpResponseMessage response, HttpStatusCode status, VtrixDialect dialect = VtrixDialect.Documented)
    {
        Assert.Equal(status, response.StatusCode);
        JsonObject body = await ReadJsonAsync(response);
        string field = dialect == VtrixDialect.Cli ? "error" : "message";
        Assert.Equal([field], body.Select(property => property.Key));
        return (string)body[field]!;
    }
}
