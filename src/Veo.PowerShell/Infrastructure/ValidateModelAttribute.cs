using System;
using System.Linq;
using System.Management.Automation;
using Veo.Client;

namespace Veo.PowerShell.Infrastructure;

/// <summary>
/// Accepts a tier name (any case) or a model id of the catalog, listing the tiers otherwise. Nothing at all or a blank
/// CSV cell (or a piped task that does not know its model: read by id with no ledger entry, or back from Import-Clixml)
/// means the default tier.
/// </summary>
public sealed class ValidateModelAttribute : ValidateArgumentsAttribute
{
    protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
    {
        string? text = (arguments is PSObject wrapped ? wrapped.BaseObject : arguments)?.ToString();
        if (!string.IsNullOrWhiteSpace(text) && TierOf(text) is null && !ModelCatalog.All.Any(m => string.Equals(m.ModelId, text, StringComparison.OrdinalIgnoreCase)))
        {
            throw new ValidationMetadataException(
                $"'{text}' is not one of: {string.Join(", ", Enum.GetNames(typeof(VeoTier)))}, nor a model id of a provider (Get-VeoModel lists them).");
        }
    }

    /// <summary>The tier a -Model value names (nothing names the default tier), or null when it is a model id.</summary>
    public static VeoTier? TierOf(string? value) => string.IsNullOrWhiteSpace(value) ? Commands.NewVeoVideoCommand.DefaultTier :
        Enum.GetNames(typeof(VeoTier)).FirstOrDefault(n => string.Equals(n, value, StringComparison.OrdinalIgnoreCase)) is string name
            ? (VeoTier)Enum.Parse(typeof(VeoTier), name)
            : null;
}
