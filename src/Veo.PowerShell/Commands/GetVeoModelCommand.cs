using System.Linq;
using System.Management.Automation;
using Veo.Client;

namespace Veo.PowerShell.Commands;

/// <summary>Lists the model catalog: each provider's models and the rules the New- cmdlets enforce before sending.</summary>
[Cmdlet(VerbsCommon.Get, "VeoModel")]
[OutputType(typeof(ModelDefinition))]
public sealed class GetVeoModelCommand : PSCmdlet
{
    /// <summary>Only this provider's models (JieKou lists HighwayAPI's).</summary>
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    public VeoProvider[]? Provider { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public VeoMode[]? Mode { get; set; }

    /// <summary>Only this tier (the New- cmdlets' -Model).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("Tier")]
    public VeoTier[]? Model { get; set; }

    protected override void ProcessRecord()
    {
        var models = (Provider is null ? ModelCatalog.All : Provider.SelectMany(ModelCatalog.For).Distinct())
            .Where(m => Mode is null || Mode.Contains(m.Mode))
            .Where(m => Model is null || Model.Contains(m.Tier));
        foreach (ModelDefinition model in models)
        {
            WriteObject(model);
        }
    }
}
