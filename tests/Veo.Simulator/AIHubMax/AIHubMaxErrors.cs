using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Veo.Simulator.AIHubMax;

/// <summary>AIHubMax's (OpenAI-style) error answers: {"error": {"message", "type", "code"}}.</summary>
internal static class AIHubMaxErrors
{
    public const string InvalidRequest = "invalid_request_error";
    public const string InvalidParameters = "invalid_parameters";
    public const string InvalidImageUrl = "invalid_image_url";
    public const string ModelNotFound = "model_not_found";

    public static IResult Error(int status, string type, string code, string message) =>
        Results.Json(
            new JsonObject { ["error"] = new JsonObject { ["message"] = message, ["type"] = type, ["code"] = code } },
            statusCode: status);

    /// <summary>A 422 for a body that is JSON but not what the model takes.</summary>
    public static IResult Validation(string code, string message) => Error(StatusCodes.Status422UnprocessableEntity, "validation_error", code, message);

    public static IResult BadRequest(string message) => Error(StatusCodes.Status400BadRequest, InvalidRequest, InvalidRequest, message);

    /// <summary>The error the provider documents for a status, used for injected faults.</summary>
    public static IResult ForStatus(int status)
    {
        string type = TypeFor(status);
        return Error(status, type, type, $"Simulated HTTP {status} fault.");
    }

    private static string TypeFor(int status) => status switch
    {
        StatusCodes.Status400BadRequest => InvalidRequest,
        StatusCodes.Status401Unauthorized => "authentication_error",
        StatusCodes.Status402PaymentRequired => "insufficient_quota",
        StatusCodes.Status403Forbidden => "permission_error",
        StatusCodes.Status404NotFound => "not_found",
        StatusCodes.Status413PayloadTooLarge => "request_too_large_error",
        StatusCodes.Status422UnprocessableEntity => "validation_error",
        StatusCodes.Status429TooManyRequests => "rate_limit_error",
        StatusCodes.Status502BadGateway => "upstream_error",
        StatusCodes.Status503ServiceUnavailable => "service_unavailable",
        >= 500 => "server_error",
        _ => "unknown_error",
    };
}
