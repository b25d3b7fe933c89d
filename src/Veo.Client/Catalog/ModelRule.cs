using System;

namespace Veo.Client;

/// <summary>A rule that ties settings together, e.g. "1080p and 4k only at 8 seconds". Shown by Get-VeoModel.</summary>
public sealed class ModelRule
{
    private readonly Func<VideoRequest, bool> _isBrokenBy;

    internal ModelRule(string errorId, string description, Func<VideoRequest, bool> isBrokenBy)
    {
        ErrorId = errorId;
        Description = description;
        _isBrokenBy = isBrokenBy;
    }

    public string ErrorId { get; }

    public string Description { get; }

    internal bool IsBrokenBy(VideoRequest request) => _isBrokenBy(request);

    /// <summary>Some resolutions come only at one length.</summary>
    internal static ModelRule OnlyAtDuration(int seconds, params string[] resolutions) => new(
        VeoErrorIds.DurationNotAllowed,
        $"{string.Join(" and ", resolutions)} only at {seconds} seconds",
        r => r.DurationSeconds is int d && d != seconds && Array.IndexOf(resolutions, r.Resolution) >= 0);

    public override string ToString() => Description;
}
