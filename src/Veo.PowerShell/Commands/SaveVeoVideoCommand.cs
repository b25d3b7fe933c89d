using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Veo.Client;
using Veo.PowerShell.Infrastructure;

namespace Veo.PowerShell.Commands;

/// <summary>
/// Downloads every video of each task (waiting first when a task is unfinished) and emits one FileInfo per file.
/// Several tasks download at once (-ThrottleLimit), yet files are emitted in the order the tasks came in. Files
/// arrive complete or not at all; an existing file is kept unless -Force.
/// </summary>
[Cmdlet(VerbsData.Save, "VeoVideo", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low, DefaultParameterSetName = TaskSet)]
[OutputType(typeof(FileInfo))]
public sealed class SaveVeoVideoCommand : VeoCmdlet
{
    private const string TaskSet = "Task";
    private const string TaskIdSet = "TaskId";
    private const int DownloadActivityId = 2;

    /// <summary>Output waiting for the tasks before it to finish, in input order.</summary>
    private readonly OrderedOutput _output = new();
    private SemaphoreSlim? _gate;
    private int _lastActivityId = DownloadActivityId;

    /// <summary>Each target file (or folder and task) this command writes, and the task that claimed it first.</summary>
    private readonly Dictionary<string, string> _claimedBy = new(StringComparer.Ordinal);

    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = TaskSet)]
    [ArgumentCompleter(typeof(NoValueCompleter))]
    public VeoTask[] Task { get; set; } = new VeoTask[0];

    /// <summary>Task ids; the ledger says which provider and address created each.</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = TaskIdSet)]
    [Alias("Id")]
    [ArgumentCompleter(typeof(TaskIdCompleter))]
    [ValidateNotNullOrEmpty]
    public string[] TaskId { get; set; } = new string[0];

    /// <summary>
    /// A folder (existing, or ending in a separator, or without an extension) that receives &lt;IdempotencyKey&gt;.mp4
    /// files (&lt;TaskId&gt;.mp4 for a task created without a key), or a file name; several videos of one task get -2, -3… suffixes. The current location by default.
    /// </summary>
    [Parameter(Position = 0)]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = ".";

    /// <summary>Overwrite existing files.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>How long each task may take, waiting and downloading together, in seconds.</summary>
    [Parameter]
    [ArgumentCompleter(typeof(NoValueCompleter))]
    [ValidateRange(1, int.MaxValue)]
    public int TimeoutSeconds { get; set; } = WaitVeoTaskCommand.DefaultTimeoutSeconds;

    /// <summary>How many tasks are waited for and downloaded at once.</summary>
    [Parameter]
    [ArgumentCompleter(typeof(NoValueCompleter))]
    [ValidateRange(1, 64)]
    public int ThrottleLimit { get; set; } = 4;

    protected override void BeginProcessing() => _gate = new SemaphoreSlim(ThrottleLimit);

    protected override void EndProcessing() => DrainUntilIdle();

    protected override void ProcessRecord()
    {
        if (ParameterSetName == TaskSet)
        {
            foreach (VeoTask task in Task)
            {
                Save(task.WithConnection(ResolveConnection(task)), task.TaskId);
            }
        }
        else
        {
            foreach (string id in TaskId)
            {
                (VeoConnection connection, LedgerEntry? known) = ResolveById(id);
                Save(null, id, connection, known);
            }
        }

        DrainPending();
    }

    private void Save(VeoTask? task, string taskId, VeoConnection? connection = null, LedgerEntry? known = null)
    {
        string target = ResolveFilePath(Path);
        if (!ShouldProcess(target, $"Download the videos of Veo task {taskId}"))
        {
            return;
        }

        if (TargetProblem(target, taskId, task?.IdempotencyKey ?? known?.IdempotencyKey) is VeoException problem)
        {
            WriteError(ToErrorRecord(problem, (object?)task ?? taskId));
            return;
        }

        OutputSlot slot = _output.Add(++_lastActivityId);
        DateTimeOffset deadline = DateTimeOffset.UtcNow.AddSeconds(TimeoutSeconds);
        Start(async token =>
        {
            await _gate!.WaitAsync(token).ConfigureAwait(false);
            try
            {
                VeoTask current = task ?? await Client.GetTaskAsync(connection!, taskId, token, known, deadline - DateTimeOffset.UtcNow).ConfigureAwait(false);
                VeoTask? done = current.IsFinished && current.Status == VeoTaskStatus.Succeeded
                    ? current
                    : await WaitForAsync(current, deadline - DateTimeOffset.UtcNow, token).ConfigureAwait(false);
                if (done is not null)
                {
                    await DownloadAllAsync(done, target, slot, deadline, token).ConfigureAwait(false);
                }
            }
            finally
            {
                _gate.Release();
                Post(() => _output.Complete(slot));
            }
        });
    }

    private async Task DownloadAllAsync(VeoTask task, string target, OutputSlot slot, DateTimeOffset deadline, CancellationToken token)
    {
        if (task.Videos.Count == 0)
        {
            throw new VeoException(VeoErrorIds.TaskHasNoVideo, VeoErrorKind.InvalidResult, $"Task {task.TaskId} has no video to download.") { Target = task };
        }

        string[] paths = VideoPaths.For(task, target, IsFolder(target));
        for (int index = 0; index < paths.Length; index++)
        {
            string path = paths[index];
            if (!Force && IsSavedAlready(task, path))
            {
                Post(() => WriteVerbose($"{path} was saved from task {task.TaskId} before (the task ledger says so): it is kept, not downloaded again."));
                slot.Output.Enqueue(() => WriteFile(path));
                continue;
            }

            string activity = paths.Length == 1
                ? $"Downloading task {WaitProgress.ShortId(task.TaskId)}"
                : $"Downloading task {WaitProgress.ShortId(task.TaskId)}, video {index + 1} of {paths.Length}";
            try
            {
                task = await Client.DownloadAsync(task, index, path, Force, (done, total) => Post(() =>
                    WriteProgress(new ProgressRecord(slot.ActivityId, activity, DescribeBytes(done, total))
                    {
                        PercentComplete = total is long all && all > 0 ? (int)(done * 100 / all) : -1,
                    })), token, deadline).ConfigureAwait(false);
                Post(() => WriteProgress(new ProgressRecord(slot.ActivityId, activity, "Done") { RecordType = ProgressRecordType.Completed }));
                slot.Output.Enqueue(() => WriteFile(path));
            }
            catch (VeoException ex)
            {
                slot.Output.Enqueue(() => WriteError(ToErrorRecord(ex, path)));
            }
        }
    }

    /// <summary>A re-run of a batch: the file is there, and the ledger says it was saved from this task.</summary>
    private bool IsSavedAlready(VeoTask task, string path) =>
        File.Exists(path) && Ledger.Find(task.TaskId)?.SavedFiles.Contains(path, StringComparer.Ordinal) == true;

    /// <summary>The file as Get-Item gives it (PSPath, PSParentPath, PSChildName, PSDrive, PSProvider), for the default file table.</summary>
    private void WriteFile(string path) => WriteObject(InvokeProvider.Item.Get(new[] { path }, false, true), enumerateCollection: true);

    /// <summary>
    /// Why the videos of <paramref name="taskId"/> cannot go to <paramref name="target"/>: a device, or a file name that
    /// an earlier task of this command already writes (whatever -Force says, one paid video must not replace another;
    /// in a folder, two tasks whose keys name the same file collide too). Claims the target otherwise. Pipeline thread only.
    /// </summary>
    private VeoException? TargetProblem(string target, string taskId, string? idempotencyKey)
    {
        if (IsDevice(target))
        {
            return new VeoException(VeoErrorIds.VideoPathNotWritable, VeoErrorKind.InvalidArgument,
                $"-Path '{target}' is a device, not a folder or a file; give a folder or an .mp4 file name.") { Target = target };
        }

        string claim = IsFolder(target) ? System.IO.Path.Combine(target, VideoPaths.Stem(idempotencyKey, taskId)) : target;
        if (_claimedBy.TryGetValue(claim, out string? first))
        {
            return new VeoException(VeoErrorIds.VideoPathConflict, VeoErrorKind.ResourceExists,
                $"'{target}' already receives the videos of task {first} in this command; task {taskId} was not saved, so neither video is lost. " +
                "Give -Path a folder (each task gets its own file there) or save each task to its own file name.") { Target = target };
        }

        _claimedBy[claim] = taskId;
        return null;
    }

    /// <summary>A folder if it exists as one, ends with a separator, or has no extension and is not an existing file; otherwise a file name.</summary>
    private static bool IsFolder(string target) =>
        Directory.Exists(target) ||
        target.EndsWith(System.IO.Path.DirectorySeparatorChar.ToString(), StringComparison.Ordinal) ||
        target.EndsWith(System.IO.Path.AltDirectorySeparatorChar.ToString(), StringComparison.Ordinal) ||
        (string.IsNullOrEmpty(System.IO.Path.GetExtension(target)) && !File.Exists(target));

    /// <summary>A device (/dev/null, NUL, CON…): writing a video there would lose it or replace the device.</summary>
    private static bool IsDevice(string target)
    {
        string full = System.IO.Path.GetFullPath(target);
        if (System.IO.Path.DirectorySeparatorChar == '/')
        {
            return full.StartsWith("/dev/", StringComparison.Ordinal);
        }

        string name = System.IO.Path.GetFileNameWithoutExtension(full).ToUpperInvariant();
        return full.StartsWith(@"\\.\", StringComparison.Ordinal) ||
            name is "CON" or "PRN" or "AUX" or "NUL" || (name.Length == 4 && (name.StartsWith("COM", StringComparison.Ordinal) || name.StartsWith("LPT", StringComparison.Ordinal)) && char.IsDigit(name[3]));
    }

    private static string DescribeBytes(long done, long? total) =>
        total is long all ? $"{done / 1048576.0:0.0} of {all / 1048576.0:0.0} MB" : $"{done / 1048576.0:0.0} MB";
}

/// <summary>Where each video of a task goes: in a folder, named by the task's idempotency key, else its id.</summary>
internal static class VideoPaths
{
    public static string[] For(VeoTask task, string target, bool isFolder)
    {
        int count = task.Videos.Count;
        if (isFolder)
        {
            string stem = Stem(task.IdempotencyKey, task.TaskId);
            return Enumerable.Range(1, count)
                .Select(n => Path.Combine(target, count == 1 ? stem + ".mp4" : $"{stem}-{n}.mp4"))
                .ToArray();
        }

        string folder = Path.GetDirectoryName(target)!;
        string name = Path.GetFileNameWithoutExtension(target);
        string extension = Path.GetExtension(target);
        return Enumerable.Range(1, count)
            .Select(n => n == 1 ? target : Path.Combine(folder, $"{name}-{n}{extension}"))
            .ToArray();
    }

    /// <summary>The file name of a task's video in a folder, without its suffix and extension.</summary>
    public static string Stem(string? idempotencyKey, string taskId) => SafeFileName(idempotencyKey ?? taskId);

    private static string SafeFileName(string name)
    {
        char[] invalid = Path.GetInvalidFileNameChars().Concat(new[] { '/', '\\', ':', '*', '?', '"', '<', '>', '|' }).ToArray();
        return new string(name.Select(c => invalid.Contains(c) ? '_' : c).ToArray());
    }
}
