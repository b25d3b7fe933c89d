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
        ModelDefinition model = ModelCatalog.Find(connection.Provider, request.Mode, request.Tier);
        VideoRequest checkedRequest = RequestRules.Apply(model, request);
        foreach (MediaInput local in checkedRequest.AllMedia().Where(m => m.FilePath is not null))
        {
            local.Load();
        }

        return new PreparedCreate(connection, model, checkedRequest);
    }

    /// <summary>Sends the create request, once.</summary>
    public Task<VeoTask> CreateAsync(PreparedCreate prepared, CancellationToken cancellationToken) =>
        CreateAsync(prepared, null, force: false, cancellationToken);

    /// <summary>
    /// What the ledger says a create under <paramref name="idempotencyKey"/> would do now. Nothing is written or sent.
    /// </summary>
    public KeyDecision CheckKey(PreparedCreate prepared, string idempotencyKey, bool force) =>
        RequireLedger().Check(prepared.Connection.Provider, idempotencyKey, prepared.RequestHash, force, _log.Warning);

    /// <summary>
    /// Sends the create request, once. With a key, the ledger is checked again and the create written down as sent
    /// first: the key's task when it already exists (made meanwhile by another process), an IdempotencyKeyConflict
    /// or CreateOutcomeUnknown error when the key forbids sending.
    /// </summary>
    public async Task<VeoTask> CreateAsync(PreparedCreate prepared, string? idempotencyKey, bool force, CancellationToken cancellationToken)
    {
        if (idempotencyKey is not null)
        {
            KeyDecision decision = RequireLedger().Reserve(prepared.Connection.Provider, prepared.Connection.BaseUri, idempotencyKey, prepared.RequestHash, force);
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

        try
        {
            return await SendCreateAsync(prepared, idempotencyKey, cancellationToken).ConfigureAwait(false);
        }
        catch (VeoException ex) when (idempotencyKey is not null && ex.ErrorId != VeoErrorIds.CreateOutcomeUnknown)
        {
            // Refused or never sent: nothing was created under the key, so the next run may send it again.
            RequireLedger().RecordNotCreated(prepared.Connection.Provider, idempotencyKey);
            throw;
        }
    }

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

    private async Task<VeoTask> SendCreateAsync(PreparedCreate prepared, string? idempotencyKey, CancellationToken cancellationToken)
    {
        VideoRequest request = await prepared.Protocol.ResolveImagesAsync(
            new ProviderCall(_http, prepared.Connection, _log), prepared.Request, cancellationToken).ConfigureAwait(false);
        ArraySegment<byte> body = prepared.BuildBody(request);
        _log.Verbose($"Creating {prepared.Model.Mode.WithArticle()} video with {prepared.Model.ModelId} ({body.Count:N0} bytes of JSON).");
        _log.Debug($"Request body: {prepared.Preview}");
        JsonElement answer = await _http.PostCreateAsync(prepared.Connection, prepared.CreatePath, body, cancellationToken).ConfigureAwait(false);
        string taskId = prepared.Connection.Info.Protocol.ReadTaskId(answer);
        DateTimeOffset now = DateTimeOffset.UtcNow;
        var details = new TaskDetails(
            prepared.Model.ModelId, prepared.Model.Mode, prepared.Request.Prompt, now, idempotencyKey, idempotencyKey is null ? null : prepared.RequestHash);
        _log.Verbose($"Created task {taskId}.");
        var task = new VeoTask(prepared.Connection, taskId, details, TaskState.Created(now));
        RecordInLedger(task);
        return task;
    }

    /// <summary>Reads a task by id; what the ledger knows of it (model, mode, prompt, creation time) is kept.</summary>
    public Task<VeoTask> GetTaskAsync(VeoConnection connection, string taskId, CancellationToken cancellationToken, LedgerEntry? known = null)
    {
        var details = new TaskDetails(known?.Model, known?.Mode, known?.Prompt, known?.CreatedAt, known?.IdempotencyKey, known?.RequestHash);
        return ReadAsync(new VeoTask(connection, taskId, details, TaskState.Created(DateTimeOffset.MinValue)), cancellationToken);
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
        var progressRate = new ProgressRate();
        int pollsWithoutEstimate = 0;
        int failedPolls = 0;
        while (!current.IsFinished)
        {
            DateTimeOffset now = DateTimeOffset.UtcNow;
            if (deadline is DateTimeOffset end && now >= end)
            {
                throw new VeoException(VeoErrorIds.WaitTimedOut, VeoErrorKind.OperationTimeout,
                    $"Task {current.TaskId} is still {current.Status} ({current.Progress}%) after {timeout!.Value.TotalSeconds:0.#} s. " +
                    "It goes on at the provider: pipe the task (the error's TargetObject) to Wait-VeoTask again to keep waiting.")
                { Target = current };
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
            onUpdate?.Invoke(current);
        }

        return current;
    }

    /// <summary>
    /// Downloads video <paramref name="index"/> of a succeeded task to <paramref name="path"/>. An expired link is
    /// renewed by reading the task once more. Returns the task as last read.
    /// </summary>
    public async Task<VeoTask> DownloadAsync(
        VeoTask task, int index, string path, bool overwrite, Action<long, long?>? progress, CancellationToken cancellationToken)
    {
        try
        {
            await _downloader.DownloadAsync(task.Videos[index].Uri, path, overwrite, progress, cancellationToken).ConfigureAwait(false);
            RecordSaved(task, path);
            return task;
        }
        catch (VeoException ex) when (ex.ErrorId == VeoErrorIds.VideoLinkExpired)
        {
            _log.Verbose($"The link to video {index + 1} of task {task.TaskId} has expired; asking the provider for a fresh one.");
            VeoTask renewed = await ReadAsync(task, cancellationToken).ConfigureAwait(false);
            try
            {
                if (renewed.Videos.Count <= index)
                {
                    throw ex;
                }

                await _downloader.DownloadAsync(renewed.Videos[index].Uri, path, overwrite, progress, cancellationToken).ConfigureAwait(false);
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
        WriteToLedger(ledger => ledger.RecordSaved(task, path), $"The file {path} of task {task.TaskId} could not be written to the task ledger");

    private TaskLedger RequireLedger() =>
        _ledger ?? throw new InvalidOperationException("An idempotency key needs a task ledger: create the client with one.");

    /// <summary>The task is paid for: losing track of it is worse than a warning, so a ledger failure never hides the task.</summary>
    private void RecordInLedger(VeoTask task) =>
        WriteToLedger(ledger => ledger.Record(task), $"Task {task.TaskId} was created but could not be written to the task ledger", "Keep its id.");

    /// <summary>What became known of a task (its status, a saved file); a ledger that cannot be written only warns.</summary>
    private void WriteToLedger(Action<TaskLedger> write, string what, string advice = "")
    {
        if (_ledger is null)
        {
            return;
        }

        try
        {
            write(_ledger);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            _log.Warning($"{what} {_ledger.FilePath}: {ex.Message}. {advice}".TrimEnd());
        }
    }

    private async Task<VeoTask> ReadAsync(VeoTask task, CancellationToken cancellationToken)
    {
        IProviderProtocol protocol = task.Connection.Info.Protocol;
        JsonElement answer = await _http.GetJsonAsync(task.Connection, protocol.StatusPath(task.TaskId), ApiCall.Status, cancellationToken)
            .ConfigureAwait(false);
        VeoTask read = task.WithState(protocol.ReadStatus(answer, DateTimeOffset.UtcNow));
        WriteToLedger(ledger => ledger.RecordStatus(read), $"The status of task {read.TaskId} could not be written to the task ledger");
        return read;
    }
}
