using Microsoft.AspNetCore.Http;

namespace Veo.Simulator.Hosting;

internal static class ServerLinks
{
    /// <summary>The server's root as the client reached it, without a trailing slash, for links handed out in answers.</summary>
    public static string Root(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}";
}
