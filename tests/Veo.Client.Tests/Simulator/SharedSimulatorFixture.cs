using System.Threading.Tasks;
using Veo.Simulator;

namespace Veo.Client.Tests.Simulator;

/// <summary>One simulator shared by tests that neither change its options nor depend on its recorded state.</summary>
public sealed class SharedSimulatorFixture : IAsyncLifetime
{
    private SimulatorServer? _server;

    public SimulatorServer Server => _server!;

    public async Task InitializeAsync() => _server = await SimulatorServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
