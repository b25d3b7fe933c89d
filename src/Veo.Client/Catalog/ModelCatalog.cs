using System;
using System.Collections.Generic;
using System.Linq;

namespace Veo.Client;

/// <summary>Every model of every provider, and the lookup from (provider, mode, tier) to one of them.</summary>
public static class ModelCatalog
{
    /// <summary>Every model of every protocol, once (provider aliases share their protocol's models).</summary>
    public static IReadOnlyList<ModelDefinition> All =>
        ProviderRegistry.All.Select(p => p.Protocol).Distinct().SelectMany(p => p.Models).ToArray();

    /// <summary>The models a provider name offers (aliases list their protocol's models).</summary>
    public static IReadOnlyList<ModelDefinition> For(VeoProvider provider) =>
        ProviderRegistry.Get(provider).Protocol.Models;

    public static IEnumerable<ModelDefinition> For(VeoProvider provider, VeoMode mode) =>
        For(provider).Where(m => m.Mode == mode);

    /// <summary>
    /// The model a request names, used as given; without a name, the provider's model for the request's mode and tier.
    /// A named model that does not serve the request's mode is a ModelNotAvailable error: nothing is sent.
    /// </summary>
    public static ModelDefinition Find(VeoProvider provider, VideoRequest request)
    {
        if (request.ModelId is not string id)
        {
            return Find(provider, request.Mode, request.Tier);
        }

        ModelDefinition[] named = For(provider).Where(m => string.Equals(m.ModelId, id.Trim(), StringComparison.OrdinalIgnoreCase)).ToArray();
        ModelDefinition? model = named.FirstOrDefault(m => m.Mode == request.Mode);
        if (model is not null)
        {
            return model;
        }

        string instead = string.Join(", ", For(provider, request.Mode).Select(m => $"{m.ModelId} ({m.Tier})"));
        throw new VeoException(
            VeoErrorIds.ModelNotAvailable,
            VeoErrorKind.InvalidArgument,
            named.Length == 0
                ? $"{provider} has no model '{id}'. Its {request.Mode} models: {(instead.Length == 0 ? "none" : instead)}."
                : $"-Model {id} makes {string.Join(" and ", named.Select(m => m.Mode))} videos; this request asks for {request.Mode.WithArticle()} video. " +
                  $"Nothing was sent. {provider}'s {request.Mode} models: {(instead.Length == 0 ? "none" : instead)}, or give a tier (-Model {named[0].Tier}).");
    }

    /// <summary>The model for a mode and tier, or a ModelNotAvailable error listing what the provider has.</summary>
    public static ModelDefinition Find(VeoProvider provider, VeoMode mode, VeoTier tier)
    {
        ModelDefinition? model = For(provider, mode).FirstOrDefault(m => m.Tier == tier);
        if (model is not null)
        {
            return model;
        }

        string tiers = string.Join(", ", For(provider, mode).Select(m => m.Tier));
        throw new VeoException(
            VeoErrorIds.ModelNotAvailable,
            VeoErrorKind.InvalidArgument,
            $"{provider} has no {tier} model for {mode} videos. Available tiers: {(tiers.Length == 0 ? "none" : tiers)}.");
    }
}
