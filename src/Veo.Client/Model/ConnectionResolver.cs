using System;

namespace Veo.Client;

/// <summary>
/// Which provider, address and key one call uses. Explicit values (a cmdlet's -Provider, -BaseUri, -ApiKey) win; then
/// what the task came with (a piped task's connection, or the provider and address the ledger recorded for an id);
/// then what Connect-Veo set for the provider; then the provider's environment variables and default address.
/// </summary>
public sealed class ConnectionResolver
{
    private readonly VeoProvider? _provider;
    private readonly Uri? _baseUri;
    private readonly ApiKey? _apiKey;
    private readonly VeoProvider? _connectedDefault;
    private readonly Func<VeoProvider, VeoConnection?> _connected;

    /// <param name="connectedDefault">The provider Connect-Veo made the default, if any.</param>
    /// <param name="connected">What Connect-Veo set for a provider, or null.</param>
    public ConnectionResolver(
        VeoProvider? provider, Uri? baseUri, ApiKey? apiKey, VeoProvider? connectedDefault, Func<VeoProvider, VeoConnection?> connected)
    {
        _provider = provider;
        _baseUri = baseUri;
        _apiKey = apiKey;
        _connectedDefault = connectedDefault;
        _connected = connected;
    }

    /// <summary>The connection for a call about <paramref name="task"/>, or for a new task when it is null.</summary>
    public VeoConnection For(VeoTask? task = null)
    {
        if (task is not null && _provider is null && _baseUri is null && _apiKey is null && task.Connection.ApiKey is not null)
        {
            return task.Connection;
        }

        return Resolve(task?.Provider, task?.BaseUri, task?.Connection.ApiKey);
    }

    /// <summary>The connection for a task known only by id: the ledger says which provider and address created it (never the key).</summary>
    public VeoConnection For(LedgerEntry? known) => Resolve(known?.Provider, known?.BaseUri, null);

    private VeoConnection Resolve(VeoProvider? knownProvider, Uri? knownBaseUri, ApiKey? knownKey)
    {
        VeoProvider provider = _provider ?? knownProvider ?? _connectedDefault ?? VeoProvider.HighwayApi;
        // What the task knew holds only for its own provider and address.
        bool knownMatches = knownProvider == provider && (_baseUri is null || _baseUri == knownBaseUri);
        VeoConnection? connected = _connected(provider);
        Uri? baseUri = _baseUri ?? (knownMatches ? knownBaseUri : null) ?? connected?.BaseUri;
        ApiKey? key = _apiKey ?? (knownMatches ? knownKey : null) ?? connected?.ApiKey;
        return VeoConnections.Create(provider, baseUri, key);
    }
}
