using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading.Tasks;
using Veo.Simulator;

namespace Veo.Client.Tests.Client;

/// <summary>A simulator plus a client tuned for milliseconds, for one test.</summary>
internal sealed class SimulatedProvider : IAsyncDisposable
{
    public const string Key = "sim-key";

    private SimulatedProvider(SimulatorServer server, VeoClientOptions options, VeoProvider provider)
    {
        Server = server;
        Provider = provider;
        Log = new RecordingLog();
        Client = new VeoClient(options, Log);
        Connection = ConnectionWithKey(Key);
    }

    public VeoProvider Provider { get; }

    public SimulatorServer Server { get; }

    public VeoClient Client { get; }

    public VeoConnection Connection { get; }

    public RecordingLog Log { get; }

    public static async Task<SimulatedProvider> StartAsync(Action<VeoClientOptions>? tune = null, VeoProvider provider = VeoProvider.HighwayApi)
    {
        var options = new VeoClientOptions
        {
            RetryBaseDelay = TimeSpan.FromMilliseconds(10),
            RetryMaxDelay = TimeSpan.FromMilliseconds(50),
            MinPollInterval = TimeSpan.FromMilliseconds(20),
            MaxPollInterval = TimeSpan.FromMilliseconds(100),
            DefaultPollInterval = TimeSpan.FromMilliseconds(50),
            RequestTimeout = TimeSpan.FromSeconds(5),
            CreateTimeout = TimeSpan.FromSeconds(5),
            MaxRetryAfter = TimeSpan.FromSeconds(5),
            MaxRetries = 3,
        };
        tune?.Invoke(options);
        var simulatorOptions = new SimulatorOptions
        {
            QueuedFor = TimeSpan.FromMilliseconds(30),
            ProcessingFor = TimeSpan.FromMilliseconds(150),
        };
        return new SimulatedProvider(await SimulatorServer.StartAsync(simulatorOptions), options, provider);
    }

    /// <summary>Create requests the simulator received for this provider.</summary>
    public int Creates => Server.State.CountRequests("POST", Provider switch
    {
        VeoProvider.AIHubMax => "/v1/videos/generations",
        VeoProvider.Vtrix => "/model/v1/generation",
        VeoProvider.Google => "/v1beta/models/",
        _ => "/v3/async/",
    });

    public int Uploads => Server.State.CountRequests("POST", "/v1/files/upload");

    public int StatusReads => Server.State.CountRequests("GET", "/v3/async/task-result");

    public int Downloads => Server.State.CountRequests("GET", "/sim/videos/");

    public VeoConnection ConnectionWithKey(string key) =>
        VeoConnections.Create(Provider, Server.BaseUri, ApiKey.FromPlainText(key, "test"));

    public Task<VeoTask> CreateAsync(VideoRequest request, VeoConnection? connection = null) =>
        Client.CreateAsync(Client.Prepare(connection ?? Connection, request), default);

    /// <summary>A first-frame request whose image is a URL (nothing to read or upload).</summary>
    public static VideoRequest UrlFrame() => new VideoRequest { Mode = VeoMode.FirstFrame, Prompt = "a fox", Image = ImageInput.FromUrl(new Uri("https://example.com/a.png")) };

    /// <summary>A task created from an image URL and waited for until it succeeded.</summary>
    public async Task<VeoTask> FinishedTaskAsync()
    {
        VeoTask task = await CreateAsync(UrlFrame());
        return await Client.WaitAsync(task, TimeSpan.FromSeconds(10), null, default);
    }

    /// <summary>Waits up to five seconds for the simulator to have seen something (its log is written when a request ends).</summary>
    public async Task<bool> EventuallyAsync(Func<bool> condition)
    {
        for (int i = 0; i < 100 && !condition(); i++)
        {
            await Task.Delay(50);
        }

        return condition();
    }

    /// <summary>Puts a file on the simulator's storage and returns its URL.</summary>
    public Task<Uri> HostFileAsync(string path) => HostedFiles.PutAsync(Server.BaseUri, Key, path);

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}

internal sealed class RecordingLog : IVeoLog
{
    private readonly ConcurrentQueue<string> _lines = new();

    public string[] Lines => _lines.ToArray();

    public string All => string.Join("\n", _lines);

    public void Verbose(string message) => _lines.Enqueue("VERBOSE: " + message);

    public void Debug(string message) => _lines.Enqueue("DEBUG: " + message);

    public void Warning(string message) => _lines.Enqueue("WARNING: " + message);

    /// <summary>Whether debug messages are wanted: costly ones are built only then.</summary>
    public bool IsDebugEnabled { get; init; } = true;

    public bool Has(string fragment) => _lines.Any(l => l.Contains(fragment, StringComparison.Ordinal));
}
