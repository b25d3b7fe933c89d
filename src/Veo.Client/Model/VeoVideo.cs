using System;

namespace Veo.Client;

/// <summary>One generated video of a task. Provider links are short-lived: see <see cref="ExpiresAt"/>.</summary>
public sealed class VeoVideo
{
    public VeoVideo(Uri uri, DateTimeOffset? expiresAt)
    {
        Uri = uri;
        ExpiresAt = expiresAt;
    }

    public Uri Uri { get; }

    public DateTimeOffset? ExpiresAt { get; }

    /// <summary>
    /// The link, if it may be fetched or passed on: only http(s). A provider that hands out file:, ftp: or data: links
    /// would make this module read local files or send them to the provider in an extend request.
    /// </summary>
    internal Uri UsableUri(string taskId) => Uri.Scheme == Uri.UriSchemeHttp || Uri.Scheme == Uri.UriSchemeHttps
        ? Uri
        : throw new VeoException(VeoErrorIds.UnsupportedVideoLink, VeoErrorKind.InvalidResult,
            $"Task {taskId}'s video link uses the {Uri.Scheme}: scheme; only http and https links are fetched or passed on. " +
            "The provider's answer is wrong: ask the provider, or read the task again later.") { Target = Uri };

    public override string ToString() => Uri.ToString();
}
