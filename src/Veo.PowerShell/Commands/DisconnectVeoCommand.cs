using System.Management.Automation;
using Veo.Client;
using Veo.PowerShell.Infrastructure;

namespace Veo.PowerShell.Commands;

/// <summary>Forgets what Connect-Veo set: later calls use -Provider, -BaseUri and -ApiKey or the environment again.</summary>
[Cmdlet(VerbsCommunications.Disconnect, "Veo")]
public sealed class DisconnectVeoCommand : PSCmdlet
{
    /// <summary>Forget only these providers' settings; by default every provider's, and the default provider.</summary>
    [Parameter(Position = 0)]
    public VeoProvider[]? Provider { get; set; }

    protected override void EndProcessing()
    {
        VeoSession.Disconnect(Provider);
        WriteVerbose($"Veo cmdlets now use {VeoSession.Current()} by default.");
    }
}
