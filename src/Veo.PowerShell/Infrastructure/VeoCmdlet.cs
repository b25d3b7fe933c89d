using System;
using System.Management.Automation;
using System.Security;
using System.Threading;
using System.Threading.Tasks;
using Veo.Client;

namespace Veo.PowerShell.Infrastructure;

/// <summary>
/// The parameters every Veo cmdlet shares (-Provider, -ApiKey, -BaseUri), the client bound to this cmdlet's
/// streams, and the mapping from client errors to ErrorRecords.
/// </summary>
public abstract class VeoCmdlet : AsyncCmdlet, IVeoLog
{
    private VeoClient? _client;

    /// <summary>The provider for this call; by default the piped task's, else Connect-Veo's, else HighwayApi.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [BlankMeansNotGiven]
    public VeoProvider? Provider { get; set; }

    /// <summary>The API key for this call, as a SecureString, a string or a PSCredential.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(NoValueCompleter))]
    [ApiKeyTransformation]
    public SecureString? ApiKey { get; set; }

    /// <summary>The provider's base address for this call (the simulator's, a proxy's).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [BlankMeansNotGiven]
    [ArgumentCompleter(typeof(BaseUriCompleter))]
    public Uri? BaseUri { get; set; }

    private bool _ledgerUnavailable;

    private bool _debugEnabled;

    /// <summary>The client, bound to this cmdlet's streams and recording created tasks in the user's ledger. Pipeline thread first.</summary>
    protected VeoClient Client
    {
        get
        {
            if (_client is null)
            {
                _debugEnabled = MyInvocation.BoundParameters.TryGetValue("Debug", out object? debug)
                    ? ((SwitchParameter)debug).IsPresent
                    : GetVariableValue("DebugPreference")?.ToString() is string preference && preference is not ("SilentlyContinue" or "Ignore");
                _client = new VeoClient(null, this, Ledger);
            }

            return _client;
        }
    }

    protected TaskLedger Ledger { get; } = TaskLedger.ForCurrentUser();

    /// <summary>
    /// Asks the ledger (read once per process, then only what was appended; each unusable line is a warning). A ledger
    /// that stays locked is one error per command and reads as <paramref name="unavailable"/> from then on, so tasks
    /// given with their connection still go through. Pipeline thread only.
    /// </summary>
    protected T AskLedger<T>(Func<TaskLedger, Action<string>, T> read, T unavailable)
    {
        if (_ledgerUnavailable)
        {
            return unavailable;
        }

        try
        {
            return read(Ledger, WriteWarning);
        }
        catch (VeoException ex) when (ex.ErrorId == VeoErrorIds.LedgerLocked)
        {
            _ledgerUnavailable = true;
            WriteError(ToErrorRecord(ex, Ledger.FilePath));
            return unavailable;
        }
    }

    /// <summary>The connection for a task known only by id: the ledger says which provider and address created it.</summary>
    protected (VeoConnection Connection, LedgerEntry? Known) ResolveById(string taskId)
    {
        LedgerEntry? known = AskLedger((ledger, warn) => ledger.Find(taskId, warn), null);
        return (Checked(() => Connections.For(known)), known);
    }

    /// <summary>The connection for a task the ledger has already given.</summary>
    protected VeoConnection ResolveKnown(LedgerEntry known) => Checked(() => Connections.For(known));

    /// <summary>The connection for this call (see <see cref="ConnectionResolver"/>): for a piped task, or a new one.</summary>
    protected VeoConnection ResolveConnection(VeoTask? task = null) => Checked(() => Connections.For(task));

    private ConnectionResolver Connections =>
        new(Provider, BaseUri, ApiKey is null ? null : new ApiKey(ApiKey), VeoSession.DefaultProvider, VeoSession.For);

    /// <summary>A connection, or the end of the command when its address cannot be used (-BaseUri ftp://…: InvalidBaseUri).</summary>
    private VeoConnection Checked(Func<VeoConnection> resolve)
    {
        try
        {
            return resolve();
        }
        catch (VeoException ex)
        {
            ThrowTerminatingError(ToErrorRecord(ex, BaseUri));
            throw;
        }
    }

    /// <summary>The ErrorRecord for a client error: its stable id, the matching category, and its target.</summary>
    protected internal static ErrorRecord ToErrorRecord(VeoException exception, object? target = null) =>
        new(exception, exception.ErrorId, (ErrorCategory)Enum.Parse(typeof(ErrorCategory), exception.Kind.ToString()), exception.Target ?? target);

    protected override void OnBackgroundFailure(Exception exception)
    {
        WriteError(exception is VeoException veo
            ? ToErrorRecord(veo)
            : new ErrorRecord(exception, "UnexpectedError", ErrorCategory.NotSpecified, null));
    }

    /// <summary>Shows the state of the tasks this cmdlet waits for; touched on the pipeline thread only.</summary>
    private protected WaitProgress WaitProgress { get; } = new();

    /// <summary>
    /// Waits for a task, showing progress. Returns the succeeded task, or null after writing the failure (TaskFailed,
    /// WaitTimedOut with the latest task as target, or the error that stopped polling).
    /// </summary>
    protected async Task<VeoTask?> WaitForAsync(VeoTask task, TimeSpan timeout, CancellationToken cancellationToken)
    {
        Post(() => WriteProgress(WaitProgress.Started(task)));
        VeoTask latest = task;
        try
        {
            latest = await Client.WaitAsync(task, timeout, update =>
            {
                latest = update;
                Post(() => WriteProgress(WaitProgress.Updated(update)));
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (VeoException ex)
        {
            VeoTask last = latest;
            Post(() =>
            {
                WriteProgress(WaitProgress.Finished(last));
                WriteError(ToErrorRecord(ex, last));
            });
            return null;
        }

        VeoTask done = latest;
        Post(() => WriteProgress(WaitProgress.Finished(done)));
        if (done.Status == VeoTaskStatus.Failed)
        {
            // A task that ended without a video has its own id; its code says so.
            var failure = new VeoException(done.ErrorCode == VeoErrorIds.TaskHasNoVideo ? VeoErrorIds.TaskHasNoVideo : VeoErrorIds.TaskFailed, VeoErrorKind.InvalidResult,
                $"Task {done.TaskId} failed: {done.ErrorMessage}{(done.ErrorCode is null ? string.Empty : $" ({done.ErrorCode})")}") { Target = done };
            Post(() => WriteError(ToErrorRecord(failure)));
            return null;
        }

        return done;
    }

    /// <summary>Resolves a PowerShell path (relative to the current location, ~, PSDrives) to a file system path.</summary>
    protected string ResolveFilePath(string path) => GetUnresolvedProviderPathFromPSPath(path);

    /// <summary>An image argument: an http(s) URL as it is, anything else a local file.</summary>
    protected ImageInput ToImage(string value) =>
        ImageInput.IsHttpUrl(value, out Uri? url) ? ImageInput.FromUrl(url!) : ImageInput.FromFile(ResolveFilePath(value));

    void IVeoLog.Verbose(string message) => Post(() => WriteVerbose(message));

    void IVeoLog.Debug(string message) => Post(() => WriteDebug(message));

    void IVeoLog.Warning(string message) => Post(() => WriteWarning(message));

    bool IVeoLog.IsDebugEnabled => _debugEnabled;
}
