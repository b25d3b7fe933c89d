using System.Linq;
using System.Management.Automation;
using Veo.Client;
using Veo.PowerShell.Infrastructure;

namespace Veo.PowerShell.Commands;

/// <summary>Creates a video guided by one to three reference images (fixed 8 s).</summary>
[Cmdlet(VerbsCommon.New, "VeoReferenceVideo", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(VeoTask))]
public sealed class NewVeoReferenceVideoCommand : NewVeoVideoCommand
{
    /// <summary>Paths of local JPEG/PNG files, or http(s) URLs.</summary>
    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(ImageFileCompleter))]
    [ValidateNotNullOrEmpty]
    public string[] ReferenceImage { get; set; } = new string[0];

    /// <summary>Asset (the images' content) or Style (their look); only AIHubMax's Standard model takes it.</summary>
    /// <remarks>A string, so that completion can offer it only for the model that takes it.</remarks>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(ReferenceTypeCompleter))]
    [ValidateEnumName(typeof(ReferenceType))]
    public string? ReferenceType { get; set; }

    protected override VeoMode Mode => VeoMode.Reference;

    protected override VideoRequest AddInputs(VideoRequest request) => request with
    {
        ReferenceImages = ReferenceImage.Select(ToImage).ToArray(),
        ReferenceType = NotBlank(ReferenceType) is string type ? (ReferenceType)System.Enum.Parse(typeof(ReferenceType), type, ignoreCase: true) : null,
    };
}
