using System;

namespace Veo.Client;

/// <summary>
/// The kinds of failure, named like PowerShell's ErrorCategory members so the cmdlet layer maps them one to one.
/// </summary>
public enum VeoErrorKind
{
    InvalidArgument,
    ObjectNotFound,
    InvalidData,
    AuthenticationError,
    PermissionDenied,
    QuotaExceeded,
    LimitsExceeded,
    ConnectionError,
    OperationTimeout,
    InvalidResult,
    ProtocolError,
    ResourceExists,
    ResourceUnavailable,
    ReadError,
    WriteError,
}

/// <summary>A failure with a stable id (the PowerShell ErrorId) and a message meant for the user.</summary>
public class VeoException : Exception
{
    public VeoException(string errorId, VeoErrorKind kind, string message, Exception? inner = null)
        : base(message, inner)
    {
        ErrorId = errorId;
        Kind = kind;
    }

    public string ErrorId { get; }

    public VeoErrorKind Kind { get; }

    /// <summary>The object the error is about (a VeoTask, a path), when there is one.</summary>
    public object? Target { get; init; }
}

/// <summary>An error answer from a provider's API.</summary>
public sealed class VeoApiException : VeoException
{
    public VeoApiException(string errorId, VeoErrorKind kind, string message, int statusCode, string? providerCode)
        : base(errorId, kind, message)
    {
        StatusCode = statusCode;
        ProviderCode = providerCode;
    }

    public int StatusCode { get; }

    /// <summary>The provider's own error name (e.g. NOT_ENOUGH_BALANCE), when it gave one.</summary>
    public string? ProviderCode { get; }
}
