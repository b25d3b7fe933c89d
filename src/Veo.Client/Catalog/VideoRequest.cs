using System;
using System.Collections.Generic;
using System.Linq;

namespace Veo.Client;

/// <summary>What the user asked for, in provider-neutral terms. Null means "not given": the model's default applies.</summary>
public sealed record VideoRequest
{
    public VeoMode Mode { get; init; }

    public VeoTier Tier { get; init; } = VeoTier.Fast;

    /// <summary>A model id the user named: used as given (it must serve <see cref="Mode"/>), and <see cref="Tier"/> is then not used.</summary>
    public string? ModelId { get; init; }

    public string Prompt { get; init; } = string.Empty;

    public ImageInput? Image { get; init; }

    public ImageInput? LastImage { get; init; }

    public IReadOnlyList<ImageInput> ReferenceImages { get; init; } = Array.Empty<ImageInput>();

    /// <summary>The video to extend (Extend mode).</summary>
    public VideoInput? Video { get; init; }

    public string? Resolution { get; init; }

    public string? AspectRatio { get; init; }

    public int? DurationSeconds { get; init; }

    public int? SampleCount { get; init; }

    public long? Seed { get; init; }

    public string? NegativePrompt { get; init; }

    public bool? GenerateAudio { get; init; }

    public bool? EnhancePrompt { get; init; }

    public PersonGeneration? PersonGeneration { get; init; }

    public ReferenceType? ReferenceType { get; init; }

    /// <summary>1 (strictest) to 6 (most permissive).</summary>
    public int? SafetyTolerance { get; init; }

    /// <summary>Let the provider rewrite a prompt that fails its checks.</summary>
    public bool? AutoFix { get; init; }

    /// <summary>The request with each image and video replaced as <paramref name="replace"/> says (an upload's URL, fetched bytes).</summary>
    internal VideoRequest WithMedia(Func<MediaInput, MediaInput> replace) => this with
    {
        Image = Image is null ? null : (ImageInput)replace(Image),
        LastImage = LastImage is null ? null : (ImageInput)replace(LastImage),
        ReferenceImages = ReferenceImages.Select(i => (ImageInput)replace(i)).ToArray(),
        Video = Video is null ? null : (VideoInput)replace(Video),
    };

    /// <summary>Every image and video the request carries, in the order they are sent.</summary>
    public IEnumerable<MediaInput> AllMedia()
    {
        if (Video is not null)
        {
            yield return Video;
        }

        if (Image is not null)
        {
            yield return Image;
        }

        if (LastImage is not null)
        {
            yield return LastImage;
        }

        foreach (ImageInput reference in ReferenceImages)
        {
            yield return reference;
        }
    }
}
