using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using Veo.Client;
using Veo.PowerShell.Infrastructure;

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
    [ArgumentCompleter(typeof(VideoFileCompleter))]
    [ValidateNotNull]
    public object Video { get; set; } = string.Empty;

    protected override VeoMode Mode => VeoMode.Extend;

    protected override VeoTask? SourceTask => Unwrapped as VeoTask;

    protected override string? SourceModel =>
        base.SourceModel ?? (IsDeserializedTask(out PSObject? shown) ? shown!.Properties["Model"]?.Value?.ToString() : null);

    private static readonly string DeserializedTask = "Deserialized." + typeof(VeoTask).FullName;

    private object Unwrapped => Video is PSObject wrapped ? wrapped.BaseObject : Video;

    private bool IsDeserializedTask(out PSObject? shown)
    {
        shown = Video as PSObject;
        return shown is not null && shown.TypeNames.Contains(DeserializedTask);
    }

    /// <summary>A task saved with Export-Clixml and read back: its properties are all that is left of it.</summary>
    private static VideoInput FromDeserializedTask(PSObject shown)
    {
        string taskId = shown.Properties["TaskId"]?.Value?.ToString() ?? string.Empty;
        VeoTaskStatus status = LanguagePrimitives.TryConvertTo(shown.Properties["Status"]?.Value, out VeoTaskStatus read) ? read : VeoTaskStatus.Queued;
        object? first = LanguagePrimitives.GetEnumerable(shown.Properties["Videos"]?.Value)?.Cast<object?>().FirstOrDefault();
        object? link = first is PSObject video ? video.Properties["Uri"]?.Value ?? video.BaseObject : first;
        Uri? uri = link is Uri known ? known : Uri.TryCreate(link?.ToString(), UriKind.Absolute, out Uri? parsed) ? parsed : null;
        return VideoInput.FromTask(taskId, status, uri is null ? null : new VeoVideo(uri, null), shown);
    }

    protected override VideoRequest AddInputs(VideoRequest request) => request with
    {
        Video = Unwrapped switch
        {
            VeoTask task => VideoInput.FromTask(task),
            _ when IsDeserializedTask(out PSObject? shown) => FromDeserializedTask(shown!),
            FileInfo file => VideoInput.FromFile(file.FullName),
            _ when ImageInput.IsHttpUrl(Unwrapped.ToString(), out System.Uri? url) => VideoInput.FromUrl(url!),
            _ => VideoInput.FromFile(ResolveFilePath(Unwrapped.ToString())),
        },
    };
}
