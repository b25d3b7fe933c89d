using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using Veo.Client;

namespace Veo.PowerShell.Infrastructure;

/// <summary>What Connect-Veo set for this PowerShell process: the default provider and each provider's address and key.</summary>
internal static class VeoSession
{
    private static readonly ConcurrentDictionary<VeoProvider, VeoConnection> Connections = new();

    public static VeoProvider? DefaultProvider { get; private set; }

    public static void Connect(VeoConnection connection)
    {
        Connections[connection.Provider] = connection;
        DefaultProvider = connection.Provider;
    }

    public static VeoConnection? For(VeoProvider provider) => Connections.TryGetValue(provider, out VeoConnection? c) ? c : null;

    /// <summary>
    /// What a call with no -BaseUri or -ApiKey uses for <paramref name="provider"/> (by default the session's default
    /// provider, else HighwayApi): Connect-Veo's address and key, else the public address and the environment's key.
    /// </summary>
    public static VeoConnection Current(VeoProvider? provider = null) => new ConnectionResolver(provider, null, null, DefaultProvider, For).For();

    /// <summary>Forgets these providers' settings (all when null), and the default provider when it is one of them.</summary>
    public static void Disconnect(IReadOnlyCollection<VeoProvider>? providers)
    {
        foreach (VeoProvider provider in providers ?? Connections.Keys.ToArray())
        {
            Connections.TryRemove(provider, out _);
        }

        if (DefaultProvider is VeoProvider current && (providers is null || providers.Contains(current)))
        {
            DefaultProvider = null;
        }
    }
}
