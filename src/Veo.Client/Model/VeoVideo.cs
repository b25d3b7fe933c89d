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

    public override string ToString() => Uri.ToString();
}
