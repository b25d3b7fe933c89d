using System;
using System.Collections.Generic;

namespace Veo.Client;

/// <summary>Optional parameters a model may or may not take (named like the cmdlet parameters); every model takes a resolution and an aspect ratio.</summary>
[Flags]
public enum VeoOption
{
    None = 0,
    Seed = 1,
    NegativePrompt = 2,
    GenerateAudio = 4,
    EnhancePrompt = 8,
    SampleCount = 16,
    PersonGeneration = 32,
    ReferenceType = 64,
    SafetyTolerance = 128,
    AutoFix = 256,
}

/// <summary>How reference images guide the video.</summary>
public enum ReferenceType
{
    Asset,
    Style,
}

/// <summary>
/// One model (or endpoint) of one provider and the rules it imposes: what it offers. How its fields are spelled on
/// the wire is the provider adapter's business, which declares its models next to the code that writes their requests.
/// </summary>
public sealed class ModelDefinition
{
    internal ModelDefinition(VeoProvider provider, VeoMode mode, VeoTier tier, string modelId)
    {
        Provider = provider;
        Mode = mode;
        Tier = tier;
        ModelId = modelId;
    }

    /// <summary>The provider whose protocol serves this model (aliases such as JieKou share it).</summary>
    public VeoProvider Provider { get; }

    public VeoMode Mode { get; }

    public VeoTier Tier { get; }

    /// <summary>The provider's model id or endpoint name.</summary>
    public string ModelId { get; }

    /// <summary>Durations the model produces. A single value with <see cref="DurationIsFixed"/> means no choice.</summary>
    public IReadOnlyList<int> Durations { get; init; } = new[] { 4, 6, 8 };

    /// <summary>True when the length cannot be chosen (reference mode: 8 s) and no duration is sent.</summary>
    public bool DurationIsFixed { get; init; }

    public int DefaultDuration { get; init; } = 8;

    public IReadOnlyList<string> Resolutions { get; init; } = new[] { "720p", "1080p" };

    /// <summary>Null when the model takes no resolution (an extension keeps its input's).</summary>
    public string? DefaultResolution { get; init; } = "720p";

    public IReadOnlyList<string> AspectRatios { get; init; } = new[] { "16:9", "9:16" };

    public string DefaultAspectRatio { get; init; } = "16:9";

    /// <summary>How many videos one request may ask for.</summary>
    public int MaxSampleCount { get; init; } = 4;

    public int MinReferenceImages { get; init; }

    public int MaxReferenceImages { get; init; }

    /// <summary>The optional parameters this model takes.</summary>
    public VeoOption Options
    {
        get => PersonGenerationValues.Count > 0 ? _options | VeoOption.PersonGeneration : _options & ~VeoOption.PersonGeneration;
        init => _options = value;
    }

    /// <summary>Sent when the user chooses no person-generation setting (some flows accept a single value only).</summary>
    public PersonGeneration? DefaultPersonGeneration { get; init; }

    /// <summary>Rules that tie two settings together (e.g. 1080p only at 8 s), checked once the defaults are filled in.</summary>
    public IReadOnlyList<ModelRule> Rules { get; init; } = Array.Empty<ModelRule>();

    /// <summary>True when the provider documents that prompt enhancement cannot be turned off.</summary>
    public bool EnhancePromptAlwaysOn { get; init; }

    /// <summary>True when the endpoint requires generate_audio in every body (sent as false when not chosen).</summary>
    public bool RequiresGenerateAudio { get; init; }

    /// <summary>True when the video to extend must be a URL (the provider has no way to receive a file).</summary>
    public bool VideoUrlOnly { get; init; }

    /// <summary>The person-generation choices this model accepts; none means it takes no such setting.</summary>
    public IReadOnlyList<PersonGeneration> PersonGenerationValues { get; init; } = Array.Empty<PersonGeneration>();

    public bool Takes(VeoOption option) => (Options & option) == option;

    private readonly VeoOption _options;

    public override string ToString() => $"{ModelId} ({Provider} {Mode} {Tier})";
}
