using System;
using System.Collections.Generic;
using System.Linq;

namespace Veo.Client;

/// <summary>
/// Checks a request against a model's rules before anything is sent (a refused request costs nothing;
/// one the provider rejects may). Returns the request with the model's defaults filled in.
/// </summary>
public static class RequestRules
{
    public const long MaxSeed = 4294967295;

    /// <summary>-SafetyTolerance: 1 (strictest) to 6 (most permissive).</summary>
    public const int MinSafetyTolerance = 1;

    public const int MaxSafetyTolerance = 6;

    public static VideoRequest Apply(ModelDefinition model, VideoRequest request)
    {
        // A byte-order mark inside a value (files joined into one CSV) is no part of the text a user meant.
        request = request with { Prompt = WithoutByteOrderMarks(request.Prompt) ?? string.Empty, NegativePrompt = WithoutByteOrderMarks(request.NegativePrompt) };
        if (string.IsNullOrWhiteSpace(request.Prompt))
        {
            throw Violation(VeoErrorIds.PromptMissing, "A prompt is required.");
        }

        CheckOptions(model, request);
        CheckDuration(model, request.DurationSeconds);
        string? resolution = CheckChoice(model, VeoErrorIds.ResolutionNotAllowed, "Resolution", request.Resolution, model.Resolutions);
        string? aspectRatio = CheckChoice(model, VeoErrorIds.AspectRatioNotAllowed, "AspectRatio", request.AspectRatio, model.AspectRatios);

        if (request.SampleCount is int count && (count < 1 || count > model.MaxSampleCount))
        {
            throw Violation(
                VeoErrorIds.SampleCountOutOfRange,
                $"-SampleCount {count} is out of range for {model.ModelId}: it can make 1 to {model.MaxSampleCount} videos per request.");
        }

        if (request.Seed is long seed && (seed < 0 || seed > MaxSeed))
        {
            throw Violation(VeoErrorIds.SeedOutOfRange, $"-Seed {seed} is out of range: a seed is 0 to {MaxSeed}.");
        }

        int references = request.ReferenceImages.Count;
        if (references < model.MinReferenceImages || references > model.MaxReferenceImages)
        {
            throw Violation(
                VeoErrorIds.ReferenceImageCount,
                model.MaxReferenceImages == 0
                    ? $"{model.ModelId} takes no reference images."
                    : $"{model.ModelId} takes {model.MinReferenceImages} to {model.MaxReferenceImages} reference images; {references} were given.");
        }

        if (request.PersonGeneration is PersonGeneration person && !model.PersonGenerationValues.Contains(person))
        {
            throw Violation(
                VeoErrorIds.PersonGenerationNotAllowed,
                $"-PersonGeneration {person} is not accepted by {model.ModelId}. Allowed: {string.Join(", ", model.PersonGenerationValues)}.");
        }

        if (request.SafetyTolerance is int tolerance && (tolerance < MinSafetyTolerance || tolerance > MaxSafetyTolerance))
        {
            throw Violation(VeoErrorIds.SafetyToleranceOutOfRange, $"-SafetyTolerance {tolerance} is out of range: it is {MinSafetyTolerance} (strictest) to {MaxSafetyTolerance} (most permissive).");
        }

        if (request.Video is { FilePath: not null } && model.VideoUrlOnly)
        {
            throw new VeoException(VeoErrorIds.VideoUrlRequired, VeoErrorKind.InvalidArgument,
                $"{model.ModelId} on {model.Provider} takes the video to extend as a URL only, and this provider cannot receive files. " +
                "Pass a URL, or pipe in a finished task.") { Target = request.Video.FilePath };
        }

        if (request.EnhancePrompt == false && model.EnhancePromptAlwaysOn)
        {
            throw Violation(
                VeoErrorIds.EnhancePromptAlwaysOn,
                $"{model.ModelId} always enhances the prompt (the provider documents that it cannot be disabled); omit -EnhancePrompt or pass $true.");
        }

        VideoRequest complete = request with
        {
            Resolution = resolution ?? model.DefaultResolution,
            AspectRatio = aspectRatio ?? model.DefaultAspectRatio,
            DurationSeconds = model.DurationIsFixed ? null : request.DurationSeconds ?? model.DefaultDuration,
            PersonGeneration = request.PersonGeneration ?? model.DefaultPersonGeneration,
            GenerateAudio = request.GenerateAudio ?? (model.RequiresGenerateAudio ? false : null),
        };
        foreach (ModelRule rule in model.Rules.Where(r => r.IsBrokenBy(complete)))
        {
            throw Violation(
                rule.ErrorId,
                $"{model.ModelId} on {model.Provider} makes {rule.Description}; this request asks for {complete.Resolution} at {complete.DurationSeconds} seconds.");
        }

        return complete;
    }

    private static string? WithoutByteOrderMarks(string? text) => text?.Replace("\uFEFF", string.Empty);

    private static void CheckOptions(ModelDefinition model, VideoRequest request)
    {
        var given = new (VeoOption Option, bool IsGiven)[]
        {
            (VeoOption.Seed, request.Seed is not null),
            (VeoOption.NegativePrompt, request.NegativePrompt is not null),
            (VeoOption.GenerateAudio, request.GenerateAudio is not null),
            (VeoOption.EnhancePrompt, request.EnhancePrompt is not null),
            (VeoOption.SampleCount, request.SampleCount is not null),
            (VeoOption.PersonGeneration, request.PersonGeneration is not null),
            (VeoOption.ReferenceType, request.ReferenceType is not null),
            (VeoOption.SafetyTolerance, request.SafetyTolerance is not null),
            (VeoOption.AutoFix, request.AutoFix is not null),
        };
        foreach ((VeoOption option, bool isGiven) in given)
        {
            if (isGiven && !model.Takes(option))
            {
                throw Violation(
                    VeoErrorIds.OptionNotSupported,
                    $"-{option} is not taken by {model.ModelId} ({model.Provider} {model.Mode} {model.Tier}). Models that take it: {Takers(option, model.Mode)}.");
            }
        }
    }

    /// <summary>The models that take an option, preferring those of the same mode, across every provider.</summary>
    private static string Takers(VeoOption option, VeoMode mode)
    {
        ModelDefinition[] takers = ModelCatalog.All.Where(m => m.Takes(option)).ToArray();
        ModelDefinition[] sameMode = takers.Where(m => m.Mode == mode).ToArray();
        ModelDefinition[] shown = sameMode.Length > 0 ? sameMode : takers;
        return shown.Length == 0 ? "none" : string.Join(", ", shown.Select(m => $"{m.ModelId} ({m.Provider})").Distinct());
    }

    private static void CheckDuration(ModelDefinition model, int? duration)
    {
        if (duration is not int seconds || model.Durations.Contains(seconds))
        {
            return;
        }

        throw Violation(
            VeoErrorIds.DurationNotAllowed,
            model.DurationIsFixed
                ? $"{model.ModelId} makes {model.Mode} videos of a fixed {model.DefaultDuration} seconds; -DurationSeconds {seconds} cannot be honoured."
                : $"-DurationSeconds {seconds} is not offered by {model.ModelId}. Allowed: {string.Join(", ", model.Durations)}.");
    }

    /// <summary>The allowed value matching <paramref name="value"/> in the catalog's spelling (users may type 1080P).</summary>
    private static string? CheckChoice(ModelDefinition model, string errorId, string parameter, string? value, IReadOnlyList<string> allowed)
    {
        if (value is null)
        {
            return null;
        }

        string? match = allowed.FirstOrDefault(a => string.Equals(a, value.Trim(), StringComparison.OrdinalIgnoreCase));
        if (match is not null)
        {
            return match;
        }

        if (allowed.Count == 0)
        {
            throw Violation(errorId, $"{model.ModelId} on {model.Provider} takes no -{parameter}: {model.Mode.WithArticle()} video keeps its input's.");
        }

        throw Violation(
            errorId,
            $"-{parameter} '{value}' is not offered by {model.ModelId} on {model.Provider}. Allowed: {string.Join(", ", allowed)}.");
    }

    private static VeoException Violation(string errorId, string message) =>
        new(errorId, VeoErrorKind.InvalidArgument, message);
}
