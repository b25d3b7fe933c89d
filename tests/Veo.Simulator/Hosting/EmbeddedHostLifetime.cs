using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;

namespace Veo.Simulator.Hosting;

/// <summary>Keeps an in-process simulator from hooking the host process's Ctrl+C/SIGTERM (the exe handles those itself).</summary>
internal sealed class EmbeddedHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
