using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Veo.Simulator.Vtrix;

/// <summary>Vtrix's HTTP error answers: {"message"} per its pages, {"error"} as its CLI parses them.</summary>
internal static class VtrixErrors
{
    public static IResult Error(VtrixDialect dialect, int status, string message) =>
        Results.Json(new JsonObject { [dialect == VtrixDialect.Cli ? "error" : "message"] = message }, statusCode: status);

    /// <summary>The error the provider documents for a status, used for injected faults.</summary>
    public static IResult ForStatus(VtrixDialect dialect, int status) => Error(dialect, status, status switch
    {
        StatusCodes.Status401Unauthorized => "API key is missing or invalid.",
        StatusCodes.Status403Forbidden => "Insufficient balance or permission denied.",
        StatusCodes.Status429TooManyRequests => "Rate limit exceeded.",
        >= 500 => "Internal server error.",
        _ => $"Simulated HTTP {status} fault.",
    });
}
