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

    /// <summary>The client, bound to this cmdlet's streams and recording created tasks in the user's ledger.</summary>
    protected VeoClient Client => _client ??= new VeoClient(null, this, Ledger);

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
        return (Resolve(known?.Provider, known?.BaseUri, null), known);
    }

    /// <summary>The connection for a task the ledger has already given.</summary>
    protected VeoConnection ResolveKnown(LedgerEntry known) => Resolve(known.Provider, known.BaseUri, null);

    /// <summary>
    /// The connection for this call. Explicit parameters win; then what a piped task came with; then Connect-Veo's
    /// settings for the provider; then the provider's environment variables (inside <see cref="VeoConnections"/>).
    /// </summary>
    protected VeoConnection ResolveConnection(VeoTask? task = null)
    {
        if (task is not null && Provider is null && BaseUri is null && ApiKey is null && task.Connection.ApiKey is not null)
        {
            return task.Connection;
        }

        return Resolve(task?.Provider, task?.BaseUri, task?.Connection.ApiKey);
    }

    /// <summary>
    /// Explicit parameters, then what the task (or ledger) knew, then Connect-Veo's settings, then the environment. An
    /// address that cannot be used (-BaseUri ftp://…) ends the command with InvalidBaseUri.
    /// </summary>
    private VeoConnection Resolve(VeoProvider? knownProvider, Uri? knownBaseUri, ApiKey? knownKey)
    {
        try
        {
            return ResolveUnchecked(knownProvider, knownBaseUri, knownKey);
        }
        catch (VeoException ex)
        {
            ThrowTerminatingError(ToErrorRecord(ex, BaseUri));
            throw;
        }
    }

    private VeoConnection ResolveUnchecked(VeoProvider? knownProvider, Uri? knownBaseUri, ApiKey? knownKey)
    {
        VeoProvider provider = Provider ?? knownProvider ?? VeoSession.DefaultProvider ?? VeoProvider.HighwayApi;
        bool knownMatches = knownProvider == provider && (BaseUri is null || BaseUri == knownBaseUri);
        Uri? baseUri = BaseUri ?? (knownMatches ? knownBaseUri : null) ?? VeoSession.BaseUriFor(provider);
        ApiKey? key = ApiKey is not null
            ? new ApiKey(ApiKey)
            : (knownMatches ? knownKey : null) ?? VeoSession.For(provider)?.ApiKey;
        return VeoConnections.Create(provider, baseUri, key);
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
            var failure = new VeoException(VeoErrorIds.TaskFailed, VeoErrorKind.InvalidResult,
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
}
