using System;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Veo.Simulator.AIHubMax;
using Veo.Simulator.Google;
using Veo.Simulator.HighwayApi;
using Veo.Simulator.Hosting;
using Veo.Simulator.Vtrix;

namespace Veo.Simulator;

/// <summary>A provider simulator listening on 127.0.0.1; dispose it to stop.</summary>
public sealed class SimulatorServer : IAsyncDisposable
{
    // Base64 images of up to 20 MB each, several per request.
    private const long MaxRequestBodyBytes = 256L * 1024 * 1024;

    private static readonly ISimulatedProtocol[] Protocols = [new HighwayApiProtocol(), new AIHubMaxProtocol(), new VtrixProtocol(), new GoogleProtocol()];

    private readonly WebApplication _app;

    private SimulatorServer(WebApplication app, Uri baseUri, SimulatorOptions options, SimulatorState state)
    {
        _app = app;
        BaseUri = baseUri;
        Options = options;
        State = state;
    }

    /// <summary>Root of the server, with a trailing slash, e.g. http://127.0.0.1:41234/.</summary>
    public Uri BaseUri { get; }

    public SimulatorState State { get; }

    /// <summary>The live settings; timing changes apply to tasks created afterwards.</summary>
    public SimulatorOptions Options { get; }

    public static async Task<SimulatorServer> StartAsync(SimulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new SimulatorOptions();
        TimeProvider clock = TimeProvider.System;
        var state = new SimulatorState(options, clock);
        var context = new SimulatorContext(options, state, clock);

        WebApplication app = Build(options, context);
        try
        {
            await app.StartAsync(cancellationToken);
            string address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
            return new SimulatorServer(app, new Uri(address.TrimEnd('/') + "/"), options, state);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static WebApplication Build(SimulatorOptions options, SimulatorContext context)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IHostLifetime, EmbeddedHostLifetime>();
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(2));
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, options.Port);
            kestrel.Limits.MaxRequestBodySize = MaxRequestBodyBytes;
        });

        WebApplication app = builder.Build();
        app.Use(next => new RequestLog(next, context.State, context.Clock).InvokeAsync);
        app.UseRouting();
        app.Use(next => new FaultInjection(next, context.State.Faults, options, app.Lifetime).InvokeAsync);

        ControlApi.Map(app, context);
        context.Videos.Map(app);
        context.Files.Map(app);
        foreach (ISimulatedProtocol protocol in Protocols)
        {
            protocol.Map(app, context);
        }

        return app;
    }
}
