using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Veo.Simulator.HighwayApi;

/// <summary>HighwayAPI's (Novita-style) error answers: {"code", "reason", "message", "metadata"}.</summary>
internal static class HighwayApiErrors
{
    public const string InvalidApiKey = "INVALID_API_KEY";
    public const string FailedToAuth = "FAILED_TO_AUTH";
    public const string NotEnoughBalance = "NOT_ENOUGH_BALANCE";
    public const string ModelNotFound = "MODEL_NOT_FOUND";
    public const string InvalidRequestBody = "INVALID_REQUEST_BODY";
    public const string TaskNotFound = "TASK_NOT_FOUND";

    public static IResult Error(int status, string reason, string message) =>
        Results.Json(
            new JsonObject
            {
                ["code"] = status,
                ["reason"] = reason,
                ["message"] = message,
                ["metadata"] = new JsonObject(),
            },
            statusCode: status);

    public static IResult InvalidBody(string message) => Error(StatusCodes.Status400BadRequest, InvalidRequestBody, message);

    /// <summary>The error the provider documents for a status, used for injected faults.</summary>
    public static IResult ForStatus(int status) => Error(status, ReasonFor(status), $"Simulated HTTP {status} fault.");

    private static string ReasonFor(int status) => status switch
    {
        StatusCodes.Status400BadRequest => InvalidRequestBody,
        StatusCodes.Status401Unauthorized => FailedToAuth,
        StatusCodes.Status403Forbidden => "ACCESS_DENY",
        StatusCodes.Status404NotFound => ModelNotFound,
        StatusCodes.Status429TooManyRequests => "RATE_LIMIT_EXCEEDED",
        StatusCodes.Status503ServiceUnavailable => "SERVICE_NOT_AVAILABLE",
        >= 500 => "INTERNAL_SERVER_ERROR",
        _ => "UNKNOWN_ERROR",
    };
}
