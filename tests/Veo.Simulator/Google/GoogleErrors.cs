using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Veo.Simulator.Google;

/// <summary>Google's error answers: <c>{"error": {"code", "message", "status", "details"}}</c>, with the gRPC status name.</summary>
internal static class GoogleErrors
{
    public static IResult Error(int code, string status, string message, JsonArray? details = null)
    {
        var error = new JsonObject { ["code"] = code, ["message"] = message, ["status"] = status };
        if (details is not null)
        {
            error["details"] = details;
        }

        return Results.Json(new JsonObject { ["error"] = error }, statusCode: code);
    }

    public static IResult InvalidArgument(string message) => Error(StatusCodes.Status400BadRequest, "INVALID_ARGUMENT", message);

    /// <summary>A bad key: HTTP 400 INVALID_ARGUMENT, told apart only by the ErrorInfo reason API_KEY_INVALID.</summary>
    public static IResult InvalidApiKey() => Error(
        StatusCodes.Status400BadRequest,
        "INVALID_ARGUMENT",
        "API key not valid. Please pass a valid API key.",
        [
            new JsonObject
            {
                ["@type"] = "type.googleapis.com/google.rpc.ErrorInfo",
                ["reason"] = "API_KEY_INVALID",
                ["domain"] = "googleapis.com",
                ["metadata"] = new JsonObject { ["service"] = "generativelanguage.googleapis.com" },
            },
        ]);

    public static IResult NoKey() => Error(
        StatusCodes.Status403Forbidden,
        "PERMISSION_DENIED",
        "Method doesn't allow unregistered callers (callers without established identity). Please use API Key or other form of API consumer identity to call this API.");

    /// <summary>An API key sent as a bearer token is taken for an OAuth token, and refused.</summary>
    public static IResult NotAnOAuthToken() => Error(
        StatusCodes.Status401Unauthorized,
        "UNAUTHENTICATED",
        "Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.");

    public static IResult QuotaExceeded() => Error(
        StatusCodes.Status429TooManyRequests,
        "RESOURCE_EXHAUSTED",
        "You exceeded your current quota, please check your plan and billing details.");

    public static IResult NotFound(string message) => Error(StatusCodes.Status404NotFound, "NOT_FOUND", message);

    /// <summary>The error Google gives for a status, used for injected faults.</summary>
    public static IResult ForStatus(int status) => Error(status, status switch
    {
        StatusCodes.Status400BadRequest => "INVALID_ARGUMENT",
        StatusCodes.Status401Unauthorized => "UNAUTHENTICATED",
        StatusCodes.Status403Forbidden => "PERMISSION_DENIED",
        StatusCodes.Status404NotFound => "NOT_FOUND",
        StatusCodes.Status429TooManyRequests => "RESOURCE_EXHAUSTED",
        StatusCodes.Status503ServiceUnavailable => "UNAVAILABLE",
        StatusCodes.Status504GatewayTimeout => "DEADLINE_EXCEEDED",
        >= 500 => "INTERNAL",
        _ => "UNKNOWN",
    }, $"Simulated HTTP {status} fault.");
}
