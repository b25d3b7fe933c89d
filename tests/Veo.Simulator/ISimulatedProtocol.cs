using Microsoft.AspNetCore.Routing;

namespace Veo.Simulator;

/// <summary>One provider's HTTP protocol; every protocol is mounted on the same server.</summary>
internal interface ISimulatedProtocol
{
    /// <summary>Adds the provider's routes, each tagged with its <see cref="Hosting.FaultPoint"/>.</summary>
    void Map(IEndpointRouteBuilder routes, SimulatorContext context);
}
