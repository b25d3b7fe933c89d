using System;

namespace Veo.Client.Tests.Client;

/// <summary>Explicit values > the task's own > Connect-Veo's > the environment and the provider's default address.</summary>
public sealed class ConnectionResolverTests
{
    private static readonly Uri Proxy = new("https://proxy.example/");
    private static readonly Uri Simulator = new("http://127.0.0.1:5000/");
    private static readonly ApiKey Explicit = ApiKey.FromPlainText("explicit", "parameter");
    private static readonly ApiKey Connected = ApiKey.FromPlainText("connected", "Connect-Veo");
    private static readonly ApiKey TaskKey = ApiKey.FromPlainText("task", "task");

    private static ConnectionResolver Resolver(
        VeoProvider? provider = null, Uri? baseUri = null, ApiKey? apiKey = null, VeoConnection? connected = null, VeoProvider? connectedDefault = null) =>
        new(provider, baseUri, apiKey, connectedDefault ?? connected?.Provider, p => connected?.Provider == p ? connected : null);

    private static VeoTask TaskOn(VeoProvider provider, Uri baseUri, ApiKey? key) =>
        new(new VeoConnection(provider, baseUri, key), "t1", new TaskDetails(null, null, null, null), TaskState.Created(DateTimeOffset.UtcNow));

    [Fact]
    public void WithNothingGivenItIsHighwayApiAtItsDefaultAddress()
    {
        VeoConnection connection = Resolver().For();
        Assert.Equal((VeoProvider.HighwayApi, new Uri("https://api.highwayapi.ai/")), (connection.Provider, connection.BaseUri));
    }

    [Fact]
    public void ConnectVeoSetsTheDefaultProviderItsAddressAndItsKey()
    {
        VeoConnection connection = Resolver(connected: new VeoConnection(VeoProvider.Vtrix, Simulator, Connected)).For();
        Assert.Equal((VeoProvider.Vtrix, Simulator, "Connect-Veo"), (connection.Provider, connection.BaseUri, connection.KeySource));
    }

    [Fact]
    public void ExplicitValuesWinOverConnectVeo()
    {
        VeoConnection connection = Resolver(VeoProvider.Vtrix, Proxy, Explicit, new VeoConnection(VeoProvider.Vtrix, Simulator, Connected)).For();
        Assert.Equal((VeoProvider.Vtrix, Proxy, "parameter"), (connection.Provider, connection.BaseUri, connection.KeySource));
    }

    [Fact]
    public void AnExplicitProviderTakesConnectVeosSettingsForThatProviderOnly()
    {
        VeoConnection connection = Resolver(VeoProvider.AIHubMax, connected: new VeoConnection(VeoProvider.Vtrix, Simulator, Connected)).For();
        Assert.Equal((VeoProvider.AIHubMax, new Uri("https://api.aihubmax.com/")), (connection.Provider, connection.BaseUri));
        Assert.NotEqual("Connect-Veo", connection.KeySource);
    }

    [Fact]
    public void APipedTaskKeepsItsOwnConnectionOverConnectVeo()
    {
        VeoTask task = TaskOn(VeoProvider.AIHubMax, Simulator, TaskKey);
        VeoConnection connection = Resolver(connected: new VeoConnection(VeoProvider.Vtrix, Proxy, Connected)).For(task);
        Assert.Same(task.Connection, connection);
    }

    [Fact]
    public void AnExplicitKeyReplacesOnlyTheKeyOfAPipedTask()
    {
        VeoConnection connection = Resolver(apiKey: Explicit).For(TaskOn(VeoProvider.AIHubMax, Simulator, TaskKey));
        Assert.Equal((VeoProvider.AIHubMax, Simulator, "parameter"), (connection.Provider, connection.BaseUri, connection.KeySource));
    }

    [Fact]
    public void AnotherAddressDropsTheTasksKeyForConnectVeos()
    {
        VeoConnection connection = Resolver(baseUri: Proxy, connected: new VeoConnection(VeoProvider.AIHubMax, Simulator, Connected))
            .For(TaskOn(VeoProvider.AIHubMax, Simulator, TaskKey));
        Assert.Equal((Proxy, "Connect-Veo"), (connection.BaseUri, connection.KeySource));
    }

    [Fact]
    public void ATaskWithoutAKeyTakesConnectVeosKeyForItsProvider()
    {
        VeoConnection connection = Resolver(connected: new VeoConnection(VeoProvider.AIHubMax, Proxy, Connected))
            .For(TaskOn(VeoProvider.AIHubMax, Simulator, null));
        Assert.Equal((VeoProvider.AIHubMax, Simulator, "Connect-Veo"), (connection.Provider, connection.BaseUri, connection.KeySource));
    }

    [Fact]
    public void ALedgerEntryGivesTheProviderAndAddressButNeverAKey()
    {
        var entry = new LedgerEntry("t1", VeoProvider.Vtrix, Simulator, "veo_31_fast", VeoMode.Text, "p", DateTimeOffset.UtcNow);
        VeoConnection connection = Resolver(connected: new VeoConnection(VeoProvider.Vtrix, Proxy, Connected), connectedDefault: VeoProvider.AIHubMax).For(entry);
        Assert.Equal((VeoProvider.Vtrix, Simulator, "Connect-Veo"), (connection.Provider, connection.BaseUri, connection.KeySource));
    }

    [Fact]
    public void AnUnknownIdFallsBackToConnectVeosDefault()
    {
        VeoConnection connection = Resolver(connected: new VeoConnection(VeoProvider.Vtrix, Simulator, Connected)).For((LedgerEntry?)null);
        Assert.Equal((VeoProvider.Vtrix, Simulator), (connection.Provider, connection.BaseUri));
    }
}
