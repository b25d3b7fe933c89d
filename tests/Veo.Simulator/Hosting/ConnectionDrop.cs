using Microsoft.AspNetCore.Http;

namespace Veo.Simulator.Hosting;

/// <summary>Aborts a connection on purpose and remembers it, so the request log can tell what the client saw.</summary>
internal static class ConnectionDrop
{
    private static readonly object DroppedKey = new();

    public static void Drop(HttpContext context)
    {
        context.Items[DroppedKey] = true;
        context.Abort();
    }

    public static bool WasDropped(HttpContext context) => context.Items.ContainsKey(DroppedKey);
}
