using System;
using System.Collections.Generic;

namespace Veo.Client;

/// <summary>Which provider, at which address, with which key. Shows where the key came from, never the key.</summary>
public sealed class VeoConnection
{
    public VeoConnection(VeoProvider provider, Uri baseUri, ApiKey? apiKey)
    {
        if (BaseUriProblem(baseUri) is string problem)
        {
            throw new VeoException(VeoErrorIds.InvalidBaseUri, VeoErrorKind.InvalidArgument,
                $"-BaseUri '{baseUri}' cannot be used: {problem}. Give the provider's http(s) address, such as {ProviderRegistry.Get(provider).DefaultBaseUri}.")
            { Target = baseUri };
        }

        Provider = provider;
        BaseUri = EnsureTrailingSlash(baseUri);
        ApiKey = apiKey;
    }

    public VeoProvider Provider { get; }

    public Uri BaseUri { get; }

    /// <summary>Where the key comes from, or null when none was found.</summary>
    public string? KeySource => ApiKey?.Source;

    internal ApiKey? ApiKey { get; }

    internal ProviderInfo Info => ProviderRegistry.Get(Provider);

    /// <summary>The key, or an error that says where a key can be given (also for an empty key) or what is wrong with it.</summary>
    internal ApiKey RequireKey()
    {
        if (ApiKey is null || ApiKey.IsEmpty)
        {
            string given = ApiKey is null ? "No API key" : $"The API key from {ApiKey.Source} is empty: no API key";
            throw new VeoException(VeoErrorIds.NoApiKey, VeoErrorKind.AuthenticationError,
                $"{given} for {Provider}. Pass -ApiKey, run Connect-Veo -Provider {Provider} -ApiKey <key>, " +
                $"or set ${string.Join(" or $", Info.KeyVariables)}.");
        }

        if (ApiKey.HasControlCharacters)
        {
            throw new VeoException(VeoErrorIds.InvalidApiKey, VeoErrorKind.InvalidArgument,
                $"The API key from {ApiKey.Source} contains a line break or another control character, which cannot be sent in a header. " +
                "Copy the key again without the line break (a key read from a file often ends with one: trim it).");
        }

        return ApiKey;
    }

    /// <summary>Why <paramref name="uri"/> cannot be a provider's base address, or null when it can.</summary>
    internal static string? BaseUriProblem(Uri uri)
    {
        if (!uri.IsAbsoluteUri)
        {
            return "it is a relative address";
        }

        return uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps ? null : $"its scheme is {uri.Scheme}:, not http: or https:";
    }

    internal Uri Resolve(string relative) => new(BaseUri, relative);

    private static Uri EnsureTrailingSlash(Uri uri) =>
        uri.AbsoluteUri.EndsWith("/", StringComparison.Ordinal) ? uri : new Uri(uri.AbsoluteUri + "/");

    public override string ToString() => $"{Provider} at {BaseUri}";
}

/// <summary>Builds connections, finding the key in the provider's environment variables when none is given.</summary>
public static class VeoConnections
{
    public static VeoConnection Create(VeoProvider provider, Uri? baseUri = null, ApiKey? apiKey = null)
    {
        ProviderInfo info = ProviderRegistry.Get(provider);
        return new VeoConnection(provider, baseUri ?? info.DefaultBaseUri, apiKey ?? FromEnvironment(info));
    }

    public static Uri DefaultBaseUri(VeoProvider provider) => ProviderRegistry.Get(provider).DefaultBaseUri;

    public static IReadOnlyList<string> KeyVariables(VeoProvider provider) => ProviderRegistry.Get(provider).KeyVariables;

    private static ApiKey? FromEnvironment(ProviderInfo info)
    {
        foreach (string name in info.KeyVariables)
        {
            string? value = Environment.GetEnvironmentVariable(name);
            if (!string.IsNullOrWhiteSpace(value))
            {
                return ApiKey.FromPlainText(value!.Trim(), "$env:" + name);
            }
        }

        return null;
    }
}
