using System;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace Veo.Simulator;

/// <summary>
/// For tests and benchmarks: puts a file on a running simulator's storage through its AIHubMax upload endpoint,
/// so that any provider can be given its URL (an image URL that Vtrix or Google must fetch, say).
/// </summary>
public static class HostedFiles
{
    public static async Task<Uri> PutAsync(Uri simulatorBaseUri, string apiKey, string path)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(simulatorBaseUri, "v1/files/upload/base64"))
        {
            Content = JsonContent.Create(new { file_data = Convert.ToBase64String(File.ReadAllBytes(path)), file_name = Path.GetFileName(path) }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        using HttpResponseMessage response = await http.SendAsync(request).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        JsonNode answer = (await response.Content.ReadFromJsonAsync<JsonNode>().ConfigureAwait(false))!;
        return new Uri((string)answer["url"]!);
    }
}
