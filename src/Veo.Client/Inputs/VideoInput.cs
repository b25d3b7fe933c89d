using System;
using System.Linq;

namespace Veo.Client;

/// <summary>A video to extend: a finished task's video, an http(s) URL, or a local MP4.</summary>
public sealed class VideoInput : MediaInput
{
    /// <summary>Veo extends clips of up to 30 seconds; far above that size something is wrong.</summary>
    public const long MaxBytes = 200L * 1024 * 1024;

    private static readonly MediaErrorIds Ids = new(
        VeoErrorIds.VideoNotFound, VeoErrorIds.VideoEmpty, VeoErrorIds.VideoTooLarge, VeoErrorIds.VideoFormatNotSupported, VeoErrorIds.VideoUrlUnavailable);

    private VideoInput(Uri? url, string? filePath, LoadedMedia? content = null)
        : base(url, filePath, content)
    {
    }

    public override long SizeLimit => MaxBytes;

    private protected override string Noun => "video";

    private protected override MediaErrorIds ErrorIds => Ids;

    private protected override string AcceptedFormats => "only MP4 videos are accepted";

    public static VideoInput FromFile(string fullPath) => new(null, fullPath);

    public static VideoInput FromUrl(Uri url) => new(url, null);

    /// <summary>The (first) video of a succeeded task.</summary>
    public static VideoInput FromTask(VeoTask task) => FromTask(task.TaskId, task.Status, task.Videos.FirstOrDefault(), task);

    /// <summary>
    /// The first video of a task known only by what it showed (a task read back with Import-Clixml): its id, status and
    /// first video, if any.
    /// </summary>
    public static VideoInput FromTask(string taskId, VeoTaskStatus status, VeoVideo? firstVideo, object? target = null) =>
        status == VeoTaskStatus.Succeeded && firstVideo is not null
            ? FromUrl(firstVideo.UsableUri(taskId))
            : throw new VeoException(VeoErrorIds.TaskHasNoVideo, VeoErrorKind.InvalidArgument,
                $"Task {taskId} is {status} and has no video to extend yet; pipe it through Wait-VeoTask first.") { Target = target ?? taskId };

    internal override MediaInput AtUrl(Uri url) => FromUrl(url);

    internal override MediaInput WithContent(Uri url, LoadedMedia content) => new VideoInput(url, null, content);

    /// <summary>An MP4 (ISO base media) file starts with a box whose type, at offset 4, is ftyp.</summary>
    internal override string? SniffMimeType(byte[] bytes) =>
        bytes.Length >= 8 && bytes[4] == (byte)'f' && bytes[5] == (byte)'t' && bytes[6] == (byte)'y' && bytes[7] == (byte)'p' ? "video/mp4" : null;
}
