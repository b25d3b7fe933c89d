using System;
using System.Collections.Generic;
using System.Linq;

namespace Veo.Client;

/// <summary>A provider name users can give: its protocol, default address and where its key may come from.</summary>
internal sealed class ProviderInfo
{
    public ProviderInfo(VeoProvider name, IProviderProtocol protocol, Uri defaultBaseUri, params string[] keyVariables)
    {
        Name = name;
        Protocol = protocol;
        DefaultBaseUri = defaultBaseUri;
        KeyVariables = keyVariables;
    }

    public VeoProvider Name { get; }

    public IProviderProtocol Protocol { get; }

    public Uri DefaultBaseUri { get; }

    /// <summary>Environment variables tried in order when no key was given.</summary>
    public IReadOnlyList<string> KeyVariables { get; }
}

internal static class ProviderRegistry
{
    private static readonly IReadOnlyDictionary<VeoProvider, ProviderInfo> Providers = new[]
    {
        new ProviderInfo(VeoProvider.HighwayApi, HighwayApiProtocol.Instance, new Uri("https://api.highwayapi.ai/"), "HIGHWAYAPI_API_KEY", "VEO_API_KEY"),
        new ProviderInfo(VeoProvider.JieKou, HighwayApiProtocol.Instance, new Uri("https://api.jiekou.ai/"), "JIEKOU_API_KEY", "HIGHWAYAPI_API_KEY", "VEO_API_KEY"),
        new ProviderInfo(VeoProvider.AIHubMax, AIHubMaxProtocol.Instance, new Uri("https://api.aihubmax.com/"), "AIHUBMAX_API_KEY", "VEO_API_KEY"),
        new ProviderInfo(VeoProvider.Vtrix, VtrixProtocol.Instance, new Uri("https://cloud.vtrix.ai/"), "VTRIX_API_KEY", "VEO_API_KEY"),
        // google-genai's own order (its Python and JavaScript clients both prefer GOOGLE_API_KEY when both are set).
        new ProviderInfo(VeoProvider.Google, GoogleProtocol.Instance, new Uri("https://generativelanguage.googleapis.com/"), "GOOGLE_API_KEY", "GEMINI_API_KEY", "VEO_API_KEY"),
    }.ToDictionary(p => p.Name);

    public static ProviderInfo Get(VeoProvider provider) => Providers[provider];

    public static IEnumerable<ProviderInfo> All => Providers.Values;
}
