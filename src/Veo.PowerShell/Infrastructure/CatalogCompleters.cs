using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using Veo.Client;

namespace Veo.PowerShell.Infrastructure;

/// <summary>
/// Completes a parameter with only the values the catalog allows for the provider, cmdlet (mode) and tier
/// already typed on the command line.
/// </summary>
public abstract class CatalogCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(
        string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        VeoProvider provider = Bound<VeoProvider>(fakeBoundParameters, "Provider") ?? VeoSession.DefaultProvider ?? VeoProvider.HighwayApi;
        VeoTier? tier = parameterName == "Model" ? null : Bound<VeoTier>(fakeBoundParameters, "Model");
        VeoMode? mode = ModeOf(commandName, fakeBoundParameters);
        return ModelCatalog.For(provider)
            .Where(m => (mode is null || m.Mode == mode) && (tier is null || m.Tier == tier))
            .SelectMany(ValuesOf)
            .Distinct()
            .Where(v => v.StartsWith(wordToComplete.Trim('\'', '"'), StringComparison.OrdinalIgnoreCase))
            .Select(v => new CompletionResult(v.Contains(":") ? $"'{v}'" : v, v, CompletionResultType.ParameterValue, v));
    }

    protected abstract IEnumerable<string> ValuesOf(ModelDefinition model);

    private static VeoMode? ModeOf(string commandName, IDictionary bound) => commandName switch
    {
        "New-VeoReferenceVideo" => VeoMode.Reference,
        "New-VeoFrameVideo" => bound.Contains("LastImage") ? VeoMode.FirstAndLastFrame : VeoMode.FirstFrame,
        "New-VeoTextVideo" => VeoMode.Text,
        "New-VeoExtendedVideo" => VeoMode.Extend,
        _ => null,
    };

    private static T? Bound<T>(IDictionary bound, string name)
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
