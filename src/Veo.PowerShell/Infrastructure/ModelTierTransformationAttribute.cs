using System;
using System.Linq;
using System.Management.Automation;
using Veo.Client;

namespace Veo.PowerShell.Infrastructure;

/// <summary>
/// Lets -Model take a provider's model id (veo-3.1-lite-i2v, veo_31_fast…) as well as a tier name, as the tier of
/// that model. A piped VeoTask binds its Model (an id) this way, so extending a task keeps its tier; a task that does
/// not know its model (read by id with no ledger entry, or back from Import-Clixml) and a blank CSV cell leave the
/// default tier, Fast.
/// </summary>
public sealed class ModelTierTransformationAttribute : ArgumentTransformationAttribute
{
    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
    {
        string? text = (inputData is PSObject wrapped ? wrapped.BaseObject : inputData)?.ToString();
        if (string.IsNullOrWhiteSpace(text))
        {
            return nameof(VeoTier.Fast);
        }

        ModelDefinition? model = ModelCatalog.All.FirstOrDefault(m => string.Equals(m.ModelId, text, StringComparison.OrdinalIgnoreCase));
        return model is null ? inputData : model.Tier.ToString();
    }
}
