using System;
using System.Collections.Generic;

namespace Veo.Client;

/// <summary>Which provider, at which address, with which key. Shows where the key came from, never the key.</summary>
public sealed class VeoConnection
{
    public VeoConnection(VeoProvider provider, Uri baseUri, ApiKey? apiKey)
    {
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

    /// <summary>The key, or an error that says where a key can be given.</summary>
    internal ApiKey RequireKey() => ApiKey ?? throw new VeoException(
        VeoErrorIds.NoApiKey,
        VeoErrorKind.AuthenticationError,
        $"No API key for {Provider}. Pass -ApiKey, run Connect-Veo -Provider {Provider} -ApiKey <key>, " +
        $"or set ${string.Join(" or $", Info.KeyVariables)}.");

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
