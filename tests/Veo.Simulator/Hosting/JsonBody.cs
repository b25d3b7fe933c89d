using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace Veo.Simulator.Hosting;

internal static class JsonBody
{
    /// <summary>Parses the request body; null when it is not JSON at all (each provider words that error its own way).</summary>
    public static async Task<JsonDocument?> TryParseAsync(HttpRequest request)
    {
        try
        {
            return await JsonDocument.ParseAsync(request.Body, default, request.HttpContext.RequestAborted);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
