using System.Management.Automation;
using Veo.Client;
using Veo.PowerShell.Infrastructure;

namespace Veo.PowerShell.Commands;

/// <summary>Forgets what Connect-Veo set: later calls use -Provider, -BaseUri and -ApiKey or the environment again.</summary>
[Cmdlet(VerbsCommunications.Disconnect, "Veo")]
[OutputType(typeof(VeoConnection))]
public sealed class DisconnectVeoCommand : PSCmdlet
{
    /// <summary>Forget only these providers' settings; by default every provider's, and the default provider.</summary>
    [Parameter(Position = 0)]
    public VeoProvider[]? Provider { get; set; }

    /// <summary>Emits the connection the cmdlets use by default from now on.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void EndProcessing()
    {
        VeoSession.Disconnect(Provider);
        VeoConnection now = VeoSession.Current();
        WriteVerbose($"Veo cmdlets now use {now} by default.");
        if (PassThru)
        {
            WriteObject(now);
        }
    }
}
