using System.Management.Automation;
using Veo.Client;
using Veo.PowerShell.Infrastructure;

namespace Veo.PowerShell.Commands;

/// <summary>Creates a video that starts at an image (FirstFrame) or moves from a first to a last image (FirstAndLastFrame).</summary>
[Cmdlet(VerbsCommon.New, "VeoFrameVideo", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = FirstFrameSet)]
[OutputType(typeof(VeoTask))]
public sealed class NewVeoFrameVideoCommand : NewTimedVeoVideoCommand
{
    private const string FirstFrameSet = "FirstFrame";
    private const string FirstAndLastFrameSet = "FirstAndLastFrame";

    /// <summary>The first frame: a local JPEG/PNG file or an http(s) URL.</summary>
    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(ImageFileCompleter))]
    [ValidateNotNullOrEmpty]
    public string Image { get; set; } = string.Empty;

    /// <summary>The last frame: a local JPEG/PNG file or an http(s) URL. Blank (an empty CSV cell) makes the row image-to-video.</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = FirstAndLastFrameSet)]
    [AllowEmptyString]
    [ArgumentCompleter(typeof(ImageFileCompleter))]
    public string LastImage { get; set; } = string.Empty;

    protected override VeoMode Mode => NotBlank(LastImage) is null ? VeoMode.FirstFrame : VeoMode.FirstAndLastFrame;

    protected override VideoRequest AddInputs(VideoRequest request) => base.AddInputs(request) with
    {
        Image = ToImage(Image),
        LastImage = Mode == VeoMode.FirstAndLastFrame ? ToImage(LastImage) : null,
    };
}
