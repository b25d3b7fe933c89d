using System;
using System.Collections.Generic;

namespace Veo.Client;

/// <summary>What the user asked for, in provider-neutral terms. Null means "not given": the model's default applies.</summary>
public sealed record VideoRequest
{
    public VeoMode Mode { get; init; }

    public VeoTier Tier { get; init; } = VeoTier.Fast;

    public string Prompt { get; init; } = string.Empty;

    public ImageInput? Image { get; init; }

    public ImageInput? LastImage { get; init; }

    public IReadOnlyList<ImageInput> ReferenceImages { get; init; } = Array.Empty<ImageInput>();

    public string? Resolution { get; init; }

    public string? AspectRatio { get; init; }

    public int? DurationSeconds { get; init; }

    public int? SampleCount { get; init; }

    public long? Seed { get; init; }

    public string? NegativePrompt { get; init; }

    public bool? GenerateAudio { get; init; }

    public bool? EnhancePrompt { get; init; }

    public PersonGeneration? PersonGeneration { get; init; }

    /// <summary>Every image the request carries, in the order they are sent.</summary>
    public IEnumerable<ImageInput> AllImages()
    {
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
