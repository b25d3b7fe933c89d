using System.Management.Automation;
using Veo.Client;

namespace Veo.PowerShell.Commands;

/// <summary>Creates a video from the prompt alone (text-to-video).</summary>
[Cmdlet(VerbsCommon.New, "VeoTextVideo", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(VeoTask))]
public sealed class NewVeoTextVideoCommand : NewTimedVeoVideoCommand
{
    protected override VeoMode Mode => VeoMode.Text;
}
