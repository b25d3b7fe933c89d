using System.Management.Automation;
using Veo.Client;
using Veo.PowerShell.Infrastructure;

namespace Veo.PowerShell.Commands;

/// <summary>Shows the connection a call without -Provider, -BaseUri or -ApiKey would use: provider, address, where the key comes from.</summary>
[Cmdlet(VerbsCommon.Get, "VeoConnection")]
[OutputType(typeof(VeoConnection))]
public sealed class GetVeoConnectionCommand : PSCmdlet
{
    /// <summary>This provider's connection rather than the session default's.</summary>
    [Parameter(Position = 0)]
    public VeoProvider? Provider { get; set; }

    protected override void EndProcessing() => WriteObject(VeoSession.Current(Provider));
}
