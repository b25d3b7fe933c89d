namespace Veo.Client;

/// <summary>The shared meaning of HTTP error statuses; adapters override where a provider's error name says more.</summary>
internal static class ApiErrors
{
    public static VeoApiException FromStatus(
        string providerName, ApiCall call, int statusCode, string? providerCode, string? providerMessage, string? errorIdOverride = null,
        string? hintOverride = null)
    {
        (string errorId, VeoErrorKind kind) = errorIdOverride is null ? Classify(call, statusCode) : (errorIdOverride, KindOf(errorIdOverride));
        string code = providerCode is null ? string.Empty : $" {providerCode}";
        string detail = string.IsNullOrWhiteSpace(providerMessage) ? string.Empty : $": {providerMessage!.Trim()}";
        string what = call switch { ApiCall.Create => "the create request", ApiCall.Upload => "the upload", _ => "the status request" };
        return new VeoApiException(
            errorId,
            kind,
            $"{providerName} refused {what} (HTTP {statusCode}{code}){detail}{hintOverride ?? Hint(errorId)}",
            statusCode,
            providerCode);
    }

    private static (string, VeoErrorKind) Classify(ApiCall call, int statusCode) => statusCode switch
    {
        400 or 422 => (VeoErrorIds.RequestRejected, VeoErrorKind.InvalidArgument),
        401 => (VeoErrorIds.AuthenticationFailed, VeoErrorKind.AuthenticationError),
        402 => (VeoErrorIds.InsufficientBalance, VeoErrorKind.QuotaExceeded),
        403 => (VeoErrorIds.AccessDenied, VeoErrorKind.PermissionDenied),
        404 => call == ApiCall.Status
            ? (VeoErrorIds.TaskNotFound, VeoErrorKind.ObjectNotFound)
            : (VeoErrorIds.ModelNotFound, VeoErrorKind.ObjectNotFound),
        408 => (VeoErrorIds.RequestTimedOut, VeoErrorKind.OperationTimeout),
        429 => (VeoErrorIds.RateLimited, VeoErrorKind.LimitsExceeded),
        503 => (VeoErrorIds.ProviderUnavailable, VeoErrorKind.ResourceUnavailable),
        >= 500 => (VeoErrorIds.ProviderError, VeoErrorKind.ResourceUnavailable),
        _ => (VeoErrorIds.ProviderError, VeoErrorKind.ProtocolError),
    };

    private static VeoErrorKind KindOf(string errorId) => errorId switch
    {
        VeoErrorIds.AuthenticationFailed => VeoErrorKind.AuthenticationError,
        VeoErrorIds.InsufficientBalance => VeoErrorKind.QuotaExceeded,
        VeoErrorIds.AccessDenied => VeoErrorKind.PermissionDenied,
        VeoErrorIds.TaskNotFound or VeoErrorIds.ModelNotFound => VeoErrorKind.ObjectNotFound,
        VeoErrorIds.RateLimited => VeoErrorKind.LimitsExceeded,
        VeoErrorIds.RequestRejected => VeoErrorKind.InvalidArgument,
        _ => VeoErrorKind.ResourceUnavailable,
    };

    private static string Hint(string errorId) => errorId switch
    {
        VeoErrorIds.AuthenticationFailed => " Check the API key (Connect-Veo -ApiKey, or the provider's environment variable).",
        VeoErrorIds.InsufficientBalance => " Top up the account's balance; nothing was created.",
        _ => string.Empty,
    };
}
