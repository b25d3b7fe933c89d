using System;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Veo.Simulator.Hosting;

/// <summary>
/// Endpoint metadata: faults of <paramref name="Target"/> apply to this endpoint, and an injected HTTP status is
/// answered with <paramref name="ErrorForStatus"/> (the owning provider's error body).
/// </summary>
internal sealed record FaultPoint(FaultTarget Target, Func<int, IResult> ErrorForStatus);

internal static class FaultPointExtensions
{
    public static TBuilder AsFaultPoint<TBuilder>(this TBuilder builder, FaultTarget target, Func<int, IResult> errorForStatus)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new FaultPoint(target, errorForStatus));
}
