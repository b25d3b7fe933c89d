using System.Collections.Concurrent;
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
}
