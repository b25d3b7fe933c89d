using System.IO;
using System.Management.Automation;
using Veo.Client;

namespace Veo.PowerShell.Commands;

/// <summary>
/// Continues a video by about seven seconds. The video is a finished task from the pipeline (its provider and key
/// are used unless -Provider says otherwise), an http(s) URL, or a local MP4 (uploaded where the provider needs a URL).
/// </summary>
[Cmdlet(VerbsCommon.New, "VeoExtendedVideo", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(VeoTask))]
public sealed class NewVeoExtendedVideoCommand : NewVeoVideoCommand
{
    /// <summary>A succeeded VeoTask, an http(s) URL, or the path of a local MP4 file.</summary>
    [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNull]
    public object Video { get; set; } = string.Empty;

    protected override VeoMode Mode => VeoMode.Extend;

    protected override VeoTask? SourceTask => Unwrapped as VeoTask;

    private object Unwrapped => Video is PSObject wrapped ? wrapped.BaseObject : Video;

    protected override VideoRequest AddInputs(VideoRequest request) => request with
    {
        Video = Unwrapped switch
        {
            VeoTask task => VideoInput.FromTask(task),
            FileInfo file => VideoInput.FromFile(file.FullName),
            _ when ImageInput.IsHttpUrl(Unwrapped.ToString(), out System.Uri? url) => VideoInput.FromUrl(url!),
            _ => VideoInput.FromFile(ResolveFilePath(Unwrapped.ToString())),
        },
    };
}
