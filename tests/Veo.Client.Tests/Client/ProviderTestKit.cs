using System;
using System.Text;
using System.Text.Json;

namespace Veo.Client.Tests.Client;

/// <summary>Small helpers shared by the per-provider protocol tests.</summary>
internal static class ProviderTestKit
{
    public static readonly DateTimeOffset Now = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    public static VeoConnection Connection(VeoProvider provider) => VeoConnections.Create(provider, apiKey: ApiKey.FromPlainText("k", "test"));

    /// <summary>The body as sent, for a request whose images need no network stage (URLs for AIHubMax, files for Vtrix).</summary>
    public static string Body(VeoProvider provider, VideoRequest request)
    {
        PreparedCreate prepared = new VeoClient().Prepare(Connection(provider), request);
        return Sent(prepared.BuildBody(prepared.Request));
    }

    /// <summary>The bytes a streamed body sends, as text; checks that it sends exactly the length it announces.</summary>
    public static string Sent(StreamedJsonBody body)
    {
        byte[] bytes = body.NewContent().ReadAsByteArrayAsync().GetAwaiter().GetResult();
        Assert.Equal(body.Length, bytes.Length);
        return Encoding.UTF8.GetString(bytes);
    }

    public static VideoRequest Applied(VeoProvider provider, VideoRequest request) => new VeoClient().Prepare(Connection(provider), request).Request;

    public static string Refused(VeoProvider provider, VideoRequest request) =>
        Assert.ThrowsAny<VeoException>(() => new VeoClient().Prepare(Connection(provider), request)).ErrorId;

    public static TaskState Status(VeoProvider provider, string json)
    {
        using JsonDocument document = JsonDocument.Parse(json);
        return Protocol(provider).ReadStatus(document.RootElement, Now);
    }

    public static IProviderProtocol Protocol(VeoProvider provider) => Connection(provider).Info.Protocol;

    public static ImageInput Url(string name) => ImageInput.FromUrl(new Uri("https://example.com/" + name));
}
