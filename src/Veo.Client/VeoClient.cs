using System;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace Veo.Client;

/// <summary>The whole client: check and create tasks, read and wait for them, download their videos.</summary>
public sealed class VeoClient
{
    private readonly VeoHttp _http;
    private readonly VideoDownloader _downloader;
    private readonly IVeoLog _log;
    private readonly UploadCache _uploads = new();

    /// <summary>The most videos one request can ask for; a provider claiming more is not believed.</summary>
    private const int MaxVideosPerTask = 4;

    private readonly TaskLedger? _ledger;

    /// <param name="ledger">Where created tasks are recorded; null records nothing.</param>
    public VeoClient(VeoClientOptions? options = null, IVeoLog? log = null, TaskLedger? ledger = null)
        : this(options, log, ledger, null)
    {
    }

    internal VeoClient(VeoClientOptions? options, IVeoLog? log, TaskLedger? ledger, HttpClient? httpClient)
    {
        _ledger = ledger;
        _log = log ?? NullLog.Instance;
        _http = new VeoHttp(options ?? new VeoClientOptions(), _log, httpClient);
        _downloader = new VideoDownloader(_http, _log);
    }

    public VeoClientOptions Options => _http.Options;

    /// <summary>
    /// Chooses the model, applies its rules and reads every local image. Throws a <see cref="VeoException"/> for any
    /// violation; nothing is sent.
    /// </summary>
    public PreparedCreate Prepare(VeoConnection connection, VideoRequest request)
    {
        ModelDefinition model = ModelCatalog.Find(connection.Provider, request);
        VideoRequest checkedRequest = RequestRules.Apply(model, request);
        foreach (MediaInput local in checkedRequest.AllMedia().Where(m => m.FilePath is not null))
        {
            local.Load();
        }

        return new PreparedCreate(connection, model, checkedRequest);
    }

    /// <summary>Sends the create request, once.</summary>
    public Task<VeoTask> CreateAsync(PreparedCreate prepared, CancellationToken cancellationToken, Action? sending = null) =>
        CreateAsync(prepared, null, force: false, cancellationToken, sending);

    /// <summary>
    /// What the ledger says a create under <paramref name="idempotencyKey"/> would do now. Nothing is written or sent.
    /// </summary>
    public KeyDecision CheckKey(PreparedCreate prepared, string idempotencyKey, bool force) =>
        RequireLedger().Check(prepared.Connection.Provider, idempotencyKey, prepared.RequestHash, force, _log.Warning);

    /// <summary>
    /// Sends the create request, once. Its intent (with the key and the request's fingerprint, when keyed) is in the
    /// ledger before it is sent, so a create that is interrupted or answered unreadably stays on record as one that may
    /// have made a task. With a key, the ledger is checked again as the intent is written: the key's task when it
    /// already exists (made meanwhile by another process), an IdempotencyKeyConflict or CreateOutcomeUnknown error when
    /// the key forbids sending. <paramref name="sending"/> is called just before the request goes out.
    /// </summary>
    public async Task<VeoTask> CreateAsync(
        PreparedCreate prepared, string? idempotencyKey, bool force, CancellationToken cancellationToken, Action? sending = null)
    {
        VideoRequest request = await prepared.Protocol.ResolveMediaAsync(
            new ProviderCall(_http, prepared.Connection, _log, _uploads), prepared.Request, cancellationToken).ConfigureAwait(false);
        try
        {
            return await SendCreateAsync(prepared, request, idempotencyKey, force, cancellationToken, sending).ConfigureAwait(false);
        }
        finally
        {
            // Copies fetched from URLs served this create only (a re-run fetches again).
            foreach (MediaInput media in request.AllMedia())
            {
                media.DeleteFetchedCopy();
            }
        }
    }

    private async Task<VeoTask> SendCreateAsync(
        PreparedCreate prepared, VideoRequest request, string? idempotencyKey, bool force, CancellationToken cancellationToken, Action? sending)
    {
        StreamedJsonBody body = prepared.BuildBody(request);
        var details = new TaskDetails(
            prepared.Model.ModelId, prepared.Model.Mode, prepared.Request.Prompt, DateTimeOffset.UtcNow, idempotencyKey,
            idempotencyKey is null ? null : prepared.RequestHash);
        string intent = Guid.NewGuid().ToString("N");
        if (idempotencyKey is null)
        {
            WriteToLedger(ledger => ledger.RecordIntent(intent, prepared.Connection, details), "The create request about to be sent");
        }
        else
        {
            KeyDecision decision = RequireLedger().Reserve(intent, prepared.Connection, details, force);
            switch (decision.Action)
            {
                case KeyAction.Reuse:
                    return await GetTaskAsync(prepared.Connection, decision.Task!.TaskId, cancellationToken, decision.Task).ConfigureAwait(false);
                case KeyAction.Conflict:
                    throw KeyConflict(idempotencyKey, decision);
                case KeyAction.OutcomeUnknown:
                    throw OutcomeUnknown(prepared.Connection.Provider, idempotencyKey, decision);
            }
        }

        _log.Verbose($"Creating {prepared.Model.Mode.WithArticle()} video with {prepared.Model.ModelId} ({body.Length:N0} bytes of JSON).");
        if (_log.IsDebugEnabled)
        {
            _log.Debug($"Request body: {prepared.Preview}");
        }

        sending?.Invoke();
        JsonElement answer;
        try
        {
            answer = await _http.PostCreateAsync(prepared.Connection, prepared.CreatePath, body, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            _log.Warning(InterruptedCreate(prepared));
            throw;
        }
        catch (VeoException ex) when (NothingWasCreated(ex))
        {
            // Refused or never sent: nothing was created, so a keyed re-run may send it again.
            WriteToLedger(ledger => ledger.RecordNotCreated(intent, prepared.Connection, idempotencyKey), "The refused create request");
            throw;
        }

        CreatedTask created = ReadCreatedTask(prepared.Connection, answer, DateTimeOffset.UtcNow);
        _log.Verbose($"Created task {created.TaskId}.");
        var task = new VeoTask(prepared.Connection, created.TaskId, details, created.State.After(null, Options.NoVideoGrace));
        WriteToLedger(ledger => ledger.Record(task, intent), $"Task {created.TaskId} was created but");
        return task;
    }

    /// <summary>What to tell a user who stopped a create that may already be at the provider.</summary>
    public string InterruptedCreate(PreparedCreate prepared) =>
        $"The create request to {prepared.Connection.Provider} ({prepared.Model.ModelId}) was stopped after it was sent: {VeoHttp.UnknownFate}" +
        (_ledger is null ? string.Empty : $" The task ledger {_ledger.FilePath} records it as a create without an answer.");

    /// <summary>IdempotencyKeyConflict: the key was used for a different request.</summary>
    public static VeoException KeyConflict(string idempotencyKey, KeyDecision decision) =>
        new(VeoErrorIds.IdempotencyKeyConflict, VeoErrorKind.ResourceExists,
            $"The idempotency key '{idempotencyKey}' was used for a different request" +
            (decision.Task is null ? string.Empty : $" (task {decision.Task.TaskId}, created {decision.Task.CreatedAt:u})") +
            ". Nothing was sent. Use another key for a new request, or the same request for the same key.") { Target = decision.Task };

    /// <summary>CreateOutcomeUnknown: a create under the key was sent and never answered.</summary>
    public static VeoException OutcomeUnknown(VeoProvider provider, string idempotencyKey, KeyDecision decision) =>
        new(VeoErrorIds.CreateOutcomeUnknown, VeoErrorKind.ResourceExists,
            $"A create with the idempotency key '{idempotencyKey}' was sent to {provider} at {decision.SentAt:u} and no answer was " +
            "recorded: a task may exist and be billed. Nothing was sent. Look for a task created around that time in the " +
            $"provider's task list (Get-VeoTask -Local lists what this machine knows); give -Force to create another.") { Target = decision.Task };

    /// <summary>
    /// The created task, as the create answer names it. A success answer without a usable id means a task probably
    /// exists that cannot be named: that is CreateOutcomeUnknown, never a plain bad answer.
    /// </summary>
    private static CreatedTask ReadCreatedTask(VeoConnection connection, JsonElement answer, DateTimeOffset now)
    {
        string? problem;
        CreatedTask? created = null;
        try
        {
            created = connection.Info.Protocol.ReadCreated(answer, now);
            problem = TaskIds.Problem(created.TaskId) is string bad ? $"its task id '{TaskIds.Printable(created.TaskId)}' is unusable: {bad}" : null;
        }
        catch (VeoException ex) when (ex.ErrorId == VeoErrorIds.InvalidProviderResponse)
        {
            problem = ex.Message;
        }

        return problem is null
            ? created!
            : throw new VeoException(VeoErrorIds.CreateOutcomeUnknown, VeoErrorKind.InvalidResult,
                $"{connection.Provider} accepted the create request but its answer names no task ({problem}; answer: {Json.Excerpt(answer.GetRawText()) ?? "(empty)"}). {VeoHttp.UnknownFate}");
    }

    /// <summary>An answer that says the provider refused the request (4xx), or a connection that never reached it.</summary>
    private static bool NothingWasCreated(VeoException exception) =>
        exception.ErrorId == VeoErrorIds.ConnectionFailed || exception is VeoApiException { StatusCode: < 500 };

    /// <summary>Reads a task by id; what the ledger knows of it (model, mode, prompt, creation time) is kept.</summary>
    /// <param name="timeout">When given, the read ends with WaitTimedOut after this long, whatever the server does (it is the start of a wait).</param>
    public async Task<VeoTask> GetTaskAsync(
        VeoConnection connection, string taskId, CancellationToken cancellationToken, LedgerEntry? known = null, TimeSpan? timeout = null)
    {
        var details = new TaskDetails(known?.Model, known?.Mode, known?.Prompt, known?.CreatedAt, known?.IdempotencyKey, known?.RequestHash);
        var unread = new VeoTask(connection, taskId, details, TaskState.Created(DateTimeOffset.MinValue));
        using var bound = new DeadlineScope(DateTimeOffset.UtcNow + timeout, cancellationToken);
        try
        {
            return await ReadAsync(unread, bound.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (bound.HasExpired && ex is OperationCanceledException or VeoException { Kind: VeoErrorKind.OperationTimeout })
        {
            throw WaitTimedOut(unread, timeout!.Value, ex);
        }
    }

    /// <summary>Reads the task's current state; what was known from its creation is kept.</summary>
    public Task<VeoTask> RefreshAsync(VeoTask task, CancellationToken cancellationToken) => ReadAsync(task, cancellationToken);

    /// <summary>
    /// Polls until the task succeeds or fails. Past <paramref name="timeout"/> it throws WaitTimedOut with the latest
    /// snapshot as its target, so the caller can wait again. Cancelling stops the wait, never the remote task.
    /// </summary>
    public async Task<VeoTask> WaitAsync(VeoTask task, TimeSpan? timeout, Action<VeoTask>? onUpdate, CancellationToken cancellationToken)
    {
        DateTimeOffset? deadline = timeout is TimeSpan limit ? DateTimeOffset.UtcNow + limit : null;
        VeoTask current = task;
        using var bound = new DeadlineScope(deadline, cancellationToken);
        try
        {
            return await PollUntilFinishedAsync(task, deadline, timeout, update =>
            {
                current = update;
                onUpdate?.Invoke(update);
            }, bound.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (bound.HasExpired && ex is OperationCanceledException or VeoException { Kind: VeoErrorKind.OperationTimeout })
        {
            // The deadline also cuts short a request in flight or a Retry-After that reaches past it.
            throw WaitTimedOut(current, timeout!.Value, ex);
        }
    }

    private static VeoException WaitTimedOut(VeoTask current, TimeSpan timeout, Exception? cause = null) =>
        new(VeoErrorIds.WaitTimedOut, VeoErrorKind.OperationTimeout,
            $"Task {current.TaskId} is still {current.Status} ({current.Progress}%) after {timeout.TotalSeconds:0.#} s. " +
            "It goes on at the provider: pipe the task (the error's TargetObject) to Wait-VeoTask again to keep waiting.", cause)
        { Target = current };

    private async Task<VeoTask> PollUntilFinishedAsync(
        VeoTask task, DateTimeOffset? deadline, TimeSpan? timeout, Action<VeoTask> onUpdate, CancellationToken cancellationToken)
    {
        VeoTask current = task;
        var progressRate = new ProgressRate();
        int pollsWithoutEstimate = 0;
        int failedPolls = 0;
        while (!current.IsFinished)
        {
            DateTimeOffset now = DateTimeOffset.UtcNow;
            if (deadline is DateTimeOffset end && now >= end)
            {
                throw WaitTimedOut(current, timeout!.Value);
            }

            TaskState scheduled = progressRate.WithEstimate(current.State);
            TimeSpan delay = PollSchedule.Next(scheduled, pollsWithoutEstimate, Options) - (now - current.RetrievedAt);
            if (deadline is DateTimeOffset last && delay > last - now)
            {
                await Task.Delay(last - now, cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            }

            try
            {
                current = await ReadAsync(current, cancellationToken).ConfigureAwait(false);
                failedPolls = 0;
            }
            catch (VeoException ex) when (IsPassing(ex) && ++failedPolls <= Options.MaxFailedPolls)
            {
                // The task goes on at the provider whatever one answer said: note it and ask again later.
                _log.Warning($"Reading task {current.TaskId} failed ({ex.Message}); trying again ({failedPolls} of {Options.MaxFailedPolls}).");
                current = current.WithState(current.State with { RetrievedAt = DateTimeOffset.UtcNow });
            }

            // Without an estimate, start dense again and back off: also when a task overruns its estimate.
            pollsWithoutEstimate = scheduled.EtaSeconds is > 0 ? 0 : pollsWithoutEstimate + 1;
            onUpdate(current);
        }

        return current;
    }

    /// <summary>
    /// Downloads video <paramref name="index"/> of a succeeded task to <paramref name="path"/>. An expired link, or one
    /// that answers something other than a video, is renewed by reading the task once more. Past
    /// <paramref name="deadline"/> the download stops with DownloadTimedOut, whatever the server does. Returns the task as last read.
    /// </summary>
    public async Task<VeoTask> DownloadAsync(
        VeoTask task, int index, string path, bool overwrite, Action<long, long?>? progress, CancellationToken cancellationToken,
        DateTimeOffset? deadline = null)
    {
        using var bound = new DeadlineScope(deadline, cancellationToken);
        try
        {
            return await DownloadOrRenewAsync(task, index, path, overwrite, progress, bound.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (bound.HasExpired && ex is OperationCanceledException or VeoException { Kind: VeoErrorKind.OperationTimeout })
        {
            throw new VeoException(VeoErrorIds.DownloadTimedOut, VeoErrorKind.OperationTimeout,
                $"Video {index + 1} of task {task.TaskId} was not downloaded by the deadline; nothing was kept. Its link may still work: save it again.", ex)
            { Target = task };
        }
    }

    private async Task<VeoTask> DownloadOrRenewAsync(
        VeoTask task, int index, string path, bool overwrite, Action<long, long?>? progress, CancellationToken cancellationToken)
    {
        try
        {
            await _downloader.DownloadAsync(task.Videos[index].UsableUri(task.TaskId), task.Connection, path, overwrite, progress, cancellationToken).ConfigureAwait(false);
            RecordSaved(task, path);
            return task;
        }
        catch (VeoException ex) when (ex.ErrorId is VeoErrorIds.VideoLinkExpired or VeoErrorIds.DownloadNotAVideo)
        {
            _log.Verbose($"The link to video {index + 1} of task {task.TaskId} failed ({ex.Message}); asking the provider for a fresh one.");
            VeoTask renewed = await ReadAsync(task, cancellationToken).ConfigureAwait(false);
            try
            {
                if (renewed.Videos.Count <= index)
                {
                    throw ex;
                }

                await _downloader.DownloadAsync(renewed.Videos[index].UsableUri(task.TaskId), renewed.Connection, path, overwrite, progress, cancellationToken).ConfigureAwait(false);
                RecordSaved(renewed, path);
                return renewed;
            }
            catch (VeoException again) when (again.ErrorId == VeoErrorIds.VideoLinkExpired)
            {
                throw new VeoException(VeoErrorIds.VideoLinkExpired, VeoErrorKind.ResourceUnavailable,
                    $"The link to video {index + 1} of task {task.TaskId} has expired, and so has the one the provider gave again. " +
                    "Providers keep results only for a while (HighwayAPI: about an hour).", again) { Target = renewed };
            }
        }
    }

    /// <summary>Failures of one status read that say nothing about the task (auth or unknown-task errors do).</summary>
    private static bool IsPassing(VeoException exception) => exception.ErrorId is VeoErrorIds.InvalidProviderResponse
        or VeoErrorIds.ConnectionFailed or VeoErrorIds.RequestTimedOut or VeoErrorIds.ProviderError
        or VeoErrorIds.ProviderUnavailable or VeoErrorIds.RateLimited;

    private void RecordSaved(VeoTask task, string path) =>
        WriteToLedger(ledger => ledger.RecordSaved(task, path), $"The file {path} of task {task.TaskId}", advice: string.Empty);

    private TaskLedger RequireLedger() =>
        _ledger ?? throw new InvalidOperationException("An idempotency key needs a task ledger: create the client with one.");

    /// <summary>
    /// The task is paid for: losing track of it is worse than a warning, so a ledger failure never hides the task (nor
    /// what became known of it: its status, a saved file).
    /// </summary>
    private void WriteToLedger(Action<TaskLedger> write, string what, string advice = " Keep the task id the provider shows.")
    {
        if (_ledger is null)
        {
            return;
        }

        try
        {
            write(_ledger);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or VeoException)
        {
            _log.Warning($"{what} could not be written to the task ledger {_ledger.FilePath}: {ex.Message}{advice}");
        }
    }

    private async Task<VeoTask> ReadAsync(VeoTask task, CancellationToken cancellationToken)
    {
        IProviderProtocol protocol = task.Connection.Info.Protocol;
        string path = protocol.StatusPath(task.TaskId, task.State, DateTimeOffset.UtcNow);
        JsonElement answer = await _http.GetJsonAsync(task.Connection, path, ApiCall.Status, cancellationToken).ConfigureAwait(false);
        if (protocol.ReadStatusTaskId(answer) is string about && !string.Equals(about, task.TaskId, StringComparison.Ordinal))
        {
            throw new VeoException(VeoErrorIds.InvalidProviderResponse, VeoErrorKind.InvalidResult,
                $"{task.Provider} was asked about task {task.TaskId} but answered about task '{TaskIds.Printable(about)}'; the answer was not used.");
        }

        TaskState state = protocol.ReadStatus(answer, DateTimeOffset.UtcNow);
        if (state.Videos.Count > MaxVideosPerTask)
        {
            _log.Warning($"Task {task.TaskId}: {task.Provider} lists {state.Videos.Count} videos, but a request makes at most {MaxVideosPerTask}; only the first {MaxVideosPerTask} are kept.");
            state = state with { Videos = state.Videos.Take(MaxVideosPerTask).ToArray() };
        }

        VeoTask read = task.WithState(state.After(task.State, Options.NoVideoGrace));
        WriteToLedger(ledger => ledger.RecordStatus(read), $"The status of task {read.TaskId}", advice: string.Empty);
        return read;
    }
}
