using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using Veo.Client;

namespace Veo.PowerShell.Infrastructure;

/// <summary>Turns values into completion results: complete tokens, quoted only as PowerShell needs (or as the user began).</summary>
internal static class Completions
{
    /// <summary>Characters that end or change a bare argument word in PowerShell.</summary>
    private static readonly char[] Special = " \t'\"`$;,(){}|&<>@#".ToCharArray();

    /// <summary>The values that start with what was typed (any quote the user opened is ignored), in order, once each.</summary>
    public static IEnumerable<CompletionResult> Matching(
        IEnumerable<string> values, string wordToComplete, Func<string, string>? toolTip = null, bool expressions = false)
    {
        string typed = expressions ? wordToComplete : Unquote(wordToComplete);
        return values
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Where(v => v.StartsWith(typed, StringComparison.OrdinalIgnoreCase))
            .Select(v => new CompletionResult(expressions ? v : Quote(v, wordToComplete), v, CompletionResultType.ParameterValue, toolTip?.Invoke(v) ?? v));
    }

    private static string Unquote(string word) => word.TrimStart('\'', '"').TrimEnd('\'', '"');

    /// <summary>In the quote the user opened; else single quotes only when the value is not one bare word.</summary>
    private static string Quote(string value, string wordToComplete)
    {
        if (wordToComplete.StartsWith("\"", StringComparison.Ordinal))
        {
            return "\"" + value.Replace("`", "``").Replace("\"", "`\"").Replace("$", "`$") + "\"";
        }

        bool needsQuotes = wordToComplete.StartsWith("'", StringComparison.Ordinal) || value.IndexOfAny(Special) >= 0 || value.StartsWith("-", StringComparison.Ordinal);
        return needsQuotes ? "'" + value.Replace("'", "''") + "'" : value;
    }

    public static string Invariant(int number) => number.ToString(CultureInfo.InvariantCulture);

    /// <summary>A parameter typed on the command line, as the enum, or null when absent or not (yet) a valid name.</summary>
    public static T? Bound<T>(IDictionary bound, string name)
        where T : struct, Enum
    {
        object? value = bound.Contains(name) ? bound[name] : null;
        value = value is PSObject wrapped ? wrapped.BaseObject : value;
        return value switch
        {
            T typed => typed,
            string text when Enum.TryParse(text, true, out T parsed) => parsed,
            _ => null,
        };
    }

    /// <summary>The provider a call would use: -Provider if typed, else the session default, else HighwayApi.</summary>
    public static VeoProvider Provider(IDictionary bound) => Bound<VeoProvider>(bound, "Provider") ?? VeoSession.Current().Provider;
}

/// <summary>
/// Completes a parameter with only the values the catalog allows for the provider, cmdlet (mode) and model tier
/// already typed on the command line (the tier the cmdlet uses by default when none is).
/// </summary>
public abstract class CatalogCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(
        string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        VeoProvider provider = Completions.Provider(fakeBoundParameters);
        VeoTier? tier = parameterName == "Model" ? null : TierOf(fakeBoundParameters);
        VeoMode? mode = ModeOf(commandName, fakeBoundParameters);
        IEnumerable<string> values = ModelCatalog.For(provider)
            .Where(m => (mode is null || m.Mode == mode) && (tier is null || m.Tier == tier))
            .SelectMany(ValuesOf);
        return Completions.Matching(values, wordToComplete, expressions: ValuesAreExpressions);
    }

    protected abstract IEnumerable<string> ValuesOf(ModelDefinition model);

    /// <summary>True when the values are PowerShell expressions ($true), never quoted.</summary>
    protected virtual bool ValuesAreExpressions => false;

    private static VeoMode? ModeOf(string commandName, IDictionary bound) => commandName switch
    {
        "New-VeoReferenceVideo" => VeoMode.Reference,
        "New-VeoFrameVideo" => bound.Contains("LastImage") ? VeoMode.FirstAndLastFrame : VeoMode.FirstFrame,
        "New-VeoTextVideo" => VeoMode.Text,
        "New-VeoExtendedVideo" => VeoMode.Extend,
        _ => null,
    };

    /// <summary>-Model as typed (a tier or a model id), else the New- cmdlets' default tier.</summary>
    private static VeoTier TierOf(IDictionary bound)
    {
        string? typed = bound.Contains("Model") ? (bound["Model"] is PSObject wrapped ? wrapped.BaseObject : bound["Model"])?.ToString() : null;
        return Completions.Bound<VeoTier>(bound, "Model")
            ?? ModelCatalog.All.FirstOrDefault(m => string.Equals(m.ModelId, typed, StringComparison.OrdinalIgnoreCase))?.Tier
            ?? Commands.NewVeoVideoCommand.DefaultTier;
    }
}

public sealed class ResolutionCompleter : CatalogCompleter
{
    protected override IEnumerable<string> ValuesOf(ModelDefinition model) => model.Resolutions;
}

public sealed class AspectRatioCompleter : CatalogCompleter
{
    protected override IEnumerable<string> ValuesOf(ModelDefinition model) => model.AspectRatios;
}

/// <summary>Offers only the tiers the provider has for the cmdlet's mode (Vtrix: Fast only; no Lite reference model).</summary>
public sealed class ModelTierCompleter : CatalogCompleter
{
    protected override IEnumerable<string> ValuesOf(ModelDefinition model) => new[] { model.Tier.ToString() };
}

/// <summary>The durations the model offers; none when its length is fixed.</summary>
public sealed class DurationCompleter : CatalogCompleter
{
    protected override IEnumerable<string> ValuesOf(ModelDefinition model) =>
        model.DurationIsFixed ? Array.Empty<string>() : model.Durations.Select(Completions.Invariant);
}

public sealed class PersonGenerationCompleter : CatalogCompleter
{
    protected override IEnumerable<string> ValuesOf(ModelDefinition model) => model.PersonGenerationValues.Select(v => v.ToString());
}

public sealed class SampleCountCompleter : CatalogCompleter
{
    protected override IEnumerable<string> ValuesOf(ModelDefinition model) =>
        model.Takes(VeoOption.SampleCount) ? Enumerable.Range(1, model.MaxSampleCount).Select(Completions.Invariant) : Array.Empty<string>();
}

public sealed class SafetyToleranceCompleter : CatalogCompleter
{
    protected override IEnumerable<string> ValuesOf(ModelDefinition model) => model.Takes(VeoOption.SafetyTolerance)
        ? Enumerable.Range(RequestRules.MinSafetyTolerance, RequestRules.MaxSafetyTolerance - RequestRules.MinSafetyTolerance + 1).Select(Completions.Invariant)
        : Array.Empty<string>();
}

public sealed class ReferenceTypeCompleter : CatalogCompleter
{
    protected override IEnumerable<string> ValuesOf(ModelDefinition model) =>
        model.Takes(VeoOption.ReferenceType) ? Enum.GetNames(typeof(ReferenceType)) : Array.Empty<string>();
}

/// <summary>$true and $false where the model takes -EnhancePrompt ($true only where it is always on).</summary>
public sealed class EnhancePromptCompleter : CatalogCompleter
{
    protected override bool ValuesAreExpressions => true;

    protected override IEnumerable<string> ValuesOf(ModelDefinition model) =>
        !model.Takes(VeoOption.EnhancePrompt) ? Array.Empty<string>()
        : model.EnhancePromptAlwaysOn ? new[] { "$true" }
        : new[] { "$true", "$false" };
}

/// <summary>For free text, numbers and objects: offers nothing, rather than the file names PowerShell would.</summary>
public sealed class NoValueCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(
        string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
        Array.Empty<CompletionResult>();
}

/// <summary>The address the provider is used at in this session (Connect-Veo's), and its public one.</summary>
public sealed class BaseUriCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(
        string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        VeoProvider provider = Completions.Provider(fakeBoundParameters);
        return Completions.Matching(
            new[] { VeoSession.Current(provider).BaseUri.AbsoluteUri, VeoConnections.DefaultBaseUri(provider).AbsoluteUri },
            wordToComplete,
            uri => $"{provider} at {uri}");
    }
}

/// <summary>The ids of the task ledger, newest first (of the -Provider typed, if any), each with its prompt as tooltip.</summary>
public sealed class TaskIdCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(
        string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        VeoProvider? provider = Completions.Bound<VeoProvider>(fakeBoundParameters, "Provider");
        LedgerEntry[] entries = TaskLedger.ForCurrentUser().ReadAll()
            .Reverse()
            .Where(e => provider is null || e.Provider == provider)
            .ToArray();
        var prompts = entries.GroupBy(e => e.TaskId).ToDictionary(g => g.Key, g => g.First());
        return Completions.Matching(entries.Select(e => e.TaskId), wordToComplete, id =>
        {
            LedgerEntry entry = prompts[id];
            return $"{entry.Provider} {entry.Mode}, {entry.CreatedAt.LocalDateTime:g}: {entry.Prompt}";
        });
    }
}

/// <summary>Folders and files of the kinds a parameter takes (JPEG/PNG images, MP4 videos).</summary>
public abstract class MediaFileCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(
        string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
        CompletionCompleters.CompleteFilename(wordToComplete)
            .Where(r => r.ResultType == CompletionResultType.ProviderContainer
                || Extensions.Contains(Path.GetExtension(r.ListItemText), StringComparer.OrdinalIgnoreCase));

    protected abstract IReadOnlyCollection<string> Extensions { get; }
}

public sealed class ImageFileCompleter : MediaFileCompleter
{
    protected override IReadOnlyCollection<string> Extensions { get; } = new[] { ".png", ".jpg", ".jpeg" };
}

public sealed class VideoFileCompleter : MediaFileCompleter
{
    protected override IReadOnlyCollection<string> Extensions { get; } = new[] { ".mp4" };
}
