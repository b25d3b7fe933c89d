using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Veo.Simulator.Hosting;

internal enum ApiKeyStatus
{
    Missing,
    Unknown,
    NoBalance,
    Valid,
}

/// <summary>Classifies the key of a request; each protocol maps the outcome to its own errors.</summary>
internal static class ApiKeys
{
    private const string BearerPrefix = "Bearer ";

    public static ApiKeyStatus Check(HttpRequest request, SimulatorOptions options)
    {
        string? header = request.Headers[HeaderNames.Authorization];
        if (string.IsNullOrWhiteSpace(header))
        {
            return ApiKeyStatus.Missing;
        }

        if (!header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return ApiKeyStatus.Unknown;
        }

        return Classify(header[BearerPrefix.Length..], options);
    }

    /// <summary>Classifies a key however the protocol received it (a bearer token, Google's x-goog-api-key header).</summary>
    public static ApiKeyStatus Classify(string? value, SimulatorOptions options)
    {
        string key = value?.Trim() ?? string.Empty;
        if (key.Length == 0)
        {
            return ApiKeyStatus.Missing;
        }

        if (key == options.BrokeKey)
        {
            return ApiKeyStatus.NoBalance;
        }

        return options.ValidKeys.Contains(key) ? ApiKeyStatus.Valid : ApiKeyStatus.Unknown;
    }

    /// <summary>
    /// Lets requests through only with a key that authenticates (a key without balance does); others get
    /// <paramref name="deny"/>'s answer for <see cref="ApiKeyStatus.Missing"/> or <see cref="ApiKeyStatus.Unknown"/>.
    /// </summary>
    public static TBuilder RequireApiKey<TBuilder>(this TBuilder builder, SimulatorOptions options, Func<ApiKeyStatus, IResult> deny)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter((invocation, next) =>
            Check(invocation.HttpContext.Request, options) is (ApiKeyStatus.Missing or ApiKeyStatus.Unknown) and var status
                ? ValueTask.FromResult<object?>(deny(status))
                : next(invocation));
}
