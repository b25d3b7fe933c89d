using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Veo.Client;
using Veo.PowerShell.Infrastructure;

namespace Veo.PowerShell.Commands;

/// <summary>
/// What every New-Veo*Video cmdlet shares: the common options, the local rule check, -WhatIf, the idempotency key,
/// and the single create request of each row, up to -ThrottleLimit of them at once with the tasks emitted in input
/// order. Subclasses add their images and mode.
/// </summary>
public abstract class NewVeoVideoCommand : VeoCmdlet
{
    /// <summary>Each row's task or error, written in input order.</summary>
    private readonly OrderedOutput _output = new();

    /// <summary>Creates in flight; counted on the pipeline thread.</summary>
    private int _creating;

    /// <summary>
    /// The keyed rows of this run: a later row with the same key takes the earlier row's task (or its conflict), since
    /// the ledger cannot answer for a create that is still on its way. Used on the pipeline thread only.
    /// </summary>
    private readonly Dictionary<(VeoProvider Provider, string Key), (string RequestHash, Task<VeoTask?> Task)> _keyedRows = new();

    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(NoValueCompleter))]
    [ValidateNotNullOrEmpty]
    public string Prompt { get; set; } = string.Empty;

    /// <summary>
    /// The model tier: Standard, Fast (the default) or Lite; or a model id, used as given (it must make this cmdlet's
    /// kind of video). A string rather than an enum so that tab completion can offer only the tiers the chosen provider
    /// has (PowerShell completes enums itself).
    /// </summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(ModelTierCompleter))]
    [ValidateModel]
    public string Model { get; set; } = DefaultTier.ToString();

    /// <summary>The tier used when -Model is not given.</summary>
    internal const VeoTier DefaultTier = VeoTier.Fast;

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(ResolutionCompleter))]
    public string? Resolution { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(AspectRatioCompleter))]
    public string? AspectRatio { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [BlankMeansNotGiven]
    [ArgumentCompleter(typeof(SampleCountCompleter))]
    public int SampleCount { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [BlankMeansNotGiven]
    [ArgumentCompleter(typeof(NoValueCompleter))]
    public long Seed { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(NoValueCompleter))]
    public string? NegativePrompt { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [CsvBoolean]
    public SwitchParameter GenerateAudio { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(EnhancePromptCompleter))]
    [CsvBoolean]
    public bool EnhancePrompt { get; set; }

    /// <summary>AllowAdult, DontAllow or AllowAll. A string, so that completion can offer only the model's values.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(PersonGenerationCompleter))]
    [ValidateEnumName(typeof(PersonGeneration))]
    public string? PersonGeneration { get; set; }

    /// <summary>1 (strictest) to 6 (most permissive); AIHubMax Standard and Fast models.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [BlankMeansNotGiven]
    [ArgumentCompleter(typeof(SafetyToleranceCompleter))]
    public int SafetyTolerance { get; set; }

    /// <summary>Let the provider rewrite a prompt that fails its checks (AIHubMax).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [CsvBoolean]
    public SwitchParameter AutoFix { get; set; }

    /// <summary>
    /// The piped object itself (a CSV row): a bad row's error carries it as its TargetObject. Rows are counted as they
    /// bind, before the other parameters, so a row that PowerShell itself refuses (a bad -Model) still has its number;
    /// between rows PowerShell sets it back to null.
    /// </summary>
    [Parameter(ValueFromPipeline = true, DontShow = true)]
    public PSObject? InputObject
    {
        get => _inputObject;
        set
        {
            _inputObject = value;
            if (value is not null)
            {
                _rowNumber++;
            }
        }
    }

    /// <summary>Waits for the task to finish before emitting it.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [CsvBoolean]
    public SwitchParameter Wait { get; set; }

    /// <summary>The longest -Wait waits, in seconds.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [BlankMeansNotGiven]
    [ArgumentCompleter(typeof(NoValueCompleter))]
    [ValidateRange(1, int.MaxValue)]
    public int TimeoutSeconds { get; set; } = WaitVeoTaskCommand.DefaultTimeoutSeconds;

    /// <summary>
    /// Names the task, so that running the same command again reuses it instead of paying again (the ledger remembers
    /// the key and the request); Save-VeoVideo names its file after the key.
    /// </summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("Key")]
    public string? IdempotencyKey { get; set; }

    /// <summary>Send the create even though an earlier one under the same key may have created a task (CreateOutcomeUnknown).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [CsvBoolean]
    public SwitchParameter Force { get; set; }

    /// <summary>How many creates are sent at once; tasks are still emitted in input order.</summary>
    [Parameter]
    [ValidateRange(1, 64)]
    public int ThrottleLimit { get; set; } = 4;

    /// <summary>The create requests on their way, each from just before it is sent until its answer is read.</summary>
    private readonly ConcurrentDictionary<PreparedCreate, bool> _sentCreates = new();

    protected abstract VeoMode Mode { get; }

    /// <summary>The images or video (and other settings) of this cmdlet's mode, added to the common request.</summary>
    protected abstract VideoRequest AddInputs(VideoRequest request);

    /// <summary>The task whose video this request uses, when it came from one (extension); its connection is the default.</summary>
    protected virtual VeoTask? SourceTask => null;

    private PSObject? _inputObject;

    /// <summary>How many input objects this command has taken, so a bad row can be named by its position.</summary>
    private int _rowNumber;

    protected override void ProcessRecord()
    {
        VeoConnection connection;
        VideoRequest request;
        try
        {
            connection = ResolveConnection(SourceTask);
            request = AddInputs(BuildCommonRequest());
        }
        catch (VeoException ex)
        {
            ReportInputError(ex);
            return;
        }

        PreparedCreate prepared;
        try
        {
            prepared = Client.Prepare(connection, request);
        }
        catch (VeoException ex)
        {
            ReportInputError(ex);
            return;
        }

        string? key = NotBlank(IdempotencyKey);
        if (key is not null && _keyedRows.TryGetValue((prepared.Connection.Provider, key), out var earlier))
        {
            TakeEarlierRow(prepared, key, earlier.RequestHash, earlier.Task);
            return;
        }

        KeyDecision decision;
        try
        {
            decision = key is null ? new KeyDecision(KeyAction.Create, null, null) : Client.CheckKey(prepared, key, Force);
        }
        catch (VeoException ex)
        {
            // A ledger that stays locked: the key cannot be honoured, so nothing is sent.
            WriteError(ToErrorRecord(ex, Prompt));
            return;
        }

        switch (decision.Action)
        {
            case KeyAction.Conflict:
                WriteError(RowErrorRecord(VeoClient.KeyConflict(key!, decision)));
                return;
            case KeyAction.OutcomeUnknown:
                WriteError(RowErrorRecord(VeoClient.OutcomeUnknown(prepared.Connection.Provider, key!, decision)));
                return;
            case KeyAction.Reuse:
                WriteVerbose($"The idempotency key '{key}' names task {decision.Task!.TaskId}, made from the same request: reusing it, nothing is sent.");
                RememberKey(prepared, key, Submit(token => ReuseAsync(prepared, key!, decision.Task, token)));
                return;
            default:
                if (Confirm(prepared))
                {
                    bool force = Force;
                    RememberKey(prepared, key, Submit(async token => await CreateAsync(prepared, key, force, token).ConfigureAwait(false)));
                }

                return;
        }
    }

    private void RememberKey(PreparedCreate prepared, string? key, Task<VeoTask?> task)
    {
        if (key is not null)
        {
            _keyedRows[(prepared.Connection.Provider, key)] = (prepared.RequestHash, task);
        }
    }

    /// <summary>A row whose key an earlier row of this run used: the same request shares its task, another conflicts.</summary>
    private void TakeEarlierRow(PreparedCreate prepared, string key, string earlierHash, Task<VeoTask?> earlierTask)
    {
        if (!string.Equals(earlierHash, prepared.RequestHash, StringComparison.Ordinal))
        {
            WriteError(RowErrorRecord(VeoClient.KeyConflict(key, new KeyDecision(KeyAction.Conflict, null, null))));
            return;
        }

        WriteVerbose($"An earlier row of this run has the idempotency key '{key}' for the same request: it shares that row's task, nothing more is sent.");
        Submit(_ => earlierTask);
    }

    protected override void EndProcessing() => DrainUntilIdle();

    private bool Confirm(PreparedCreate prepared)
    {
        string action = $"Create a paid {prepared.Model.Mode} video task with {prepared.Model.ModelId}";
        string description = $"{action}: POST {prepared.Endpoint}{Environment.NewLine}{prepared.Preview}";
        return ShouldProcess(description, $"{action}? The provider bills each task.", "Create Veo video task");
    }

    /// <summary>
    /// Runs one row's create (or reuse) in the background once fewer than ThrottleLimit are in flight, then its wait
    /// when -Wait is given; its task or error is written in input order.
    /// </summary>
    private Task<VeoTask?> Submit(Func<CancellationToken, Task<VeoTask?>> create)
    {
        var created = new TaskCompletionSource<VeoTask?>(TaskCreationOptions.RunContinuationsAsynchronously);
        DrainWhile(() => _creating >= ThrottleLimit);
        OutputSlot slot = _output.Add();
        bool wait = Wait;
        int timeoutSeconds = TimeoutSeconds;
        string prompt = Prompt;
        _creating++;
        Start(async token =>
        {
            try
            {
                VeoTask? task;
                try
                {
                    task = await create(token).ConfigureAwait(false);
                    created.TrySetResult(task);
                }
                catch (Exception ex)
                {
                    created.TrySetException(ex);
                    throw;
                }
                finally
                {
                    Post(() => _creating--);
                }

                if (task is not null && wait)
                {
                    task = await WaitForAsync(task, TimeSpan.FromSeconds(timeoutSeconds), token).ConfigureAwait(false);
                }

                if (task is not null)
                {
                    slot.Output.Enqueue(() => WriteObject(task));
                }
            }
            catch (VeoException ex)
            {
                slot.Output.Enqueue(() => WriteError(ToErrorRecord(ex, prompt)));
            }
            finally
            {
                Post(() => _output.Complete(slot));
            }
        });
        return created.Task;
    }

    /// <summary>The key's task, read afresh; when it turns out to have failed, a new one is created (once confirmed).</summary>
    private async Task<VeoTask?> ReuseAsync(PreparedCreate prepared, string key, LedgerEntry known, CancellationToken token)
    {
        VeoTask task = await Client.GetTaskAsync(prepared.Connection, known.TaskId, token, known).ConfigureAwait(false);
        if (task.Status != VeoTaskStatus.Failed)
        {
            return task;
        }

        Post(() => WriteVerbose($"Task {task.TaskId} of the idempotency key '{key}' has failed: creating a new one."));
        return await AskAsync(() => Confirm(prepared), token).ConfigureAwait(false)
            ? await CreateAsync(prepared, key, force: false, token).ConfigureAwait(false)
            : null;
    }

    /// <summary>The create, known as on its way from just before it is sent until its answer is read.</summary>
    private async Task<VeoTask> CreateAsync(PreparedCreate prepared, string? key, bool force, CancellationToken token)
    {
        try
        {
            return await Client.CreateAsync(prepared, key, force, token, () => _sentCreates[prepared] = true).ConfigureAwait(false);
        }
        finally
        {
            _sentCreates.TryRemove(prepared, out _);
        }
    }

    /// <summary>A blank CSV cell is a value not given.</summary>
    protected static string? NotBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    /// <summary>
    /// Each create stopped after it was sent may have made a billed task: say so on the host, since the warning stream
    /// closes with the pipeline (the ledger keeps it as a create without an answer, which Get-VeoTask reports).
    /// </summary>
    protected override void OnStopped()
    {
        foreach (PreparedCreate sent in _sentCreates.Keys)
        {
            Host?.UI?.WriteWarningLine(Client.InterruptedCreate(sent));
        }
    }

    private VideoRequest BuildCommonRequest() => new()
    {
        Mode = Mode,
        Tier = ValidateModelAttribute.TierOf(Model) ?? SourceTier ?? DefaultTier,
        ModelId = ValidateModelAttribute.TierOf(Model) is null && SourceTier is null ? Model : null,
        Prompt = Prompt,
        Resolution = NotBlank(Resolution),
        AspectRatio = NotBlank(AspectRatio),
        SampleCount = IsBound(nameof(SampleCount)) ? SampleCount : null,
        Seed = IsBound(nameof(Seed)) ? Seed : null,
        NegativePrompt = NotBlank(NegativePrompt),
        GenerateAudio = IsBound(nameof(GenerateAudio)) ? GenerateAudio.IsPresent : null,
        EnhancePrompt = IsBound(nameof(EnhancePrompt)) ? EnhancePrompt : null,
        PersonGeneration = NotBlank(PersonGeneration) is string person ? (PersonGeneration)Enum.Parse(typeof(PersonGeneration), person, ignoreCase: true) : null,
        SafetyTolerance = IsBound(nameof(SafetyTolerance)) ? SafetyTolerance : null,
        AutoFix = IsBound(nameof(AutoFix)) ? AutoFix.IsPresent : null,
    };

    /// <summary>The model id of the task whose video this request uses, when it came from one (extension).</summary>
    protected virtual string? SourceModel => SourceTask?.Model;

    /// <summary>
    /// The tier of the piped source task's model when -Model is that model's id (bound from the task by property name):
    /// extending a task keeps its tier, though the source's model makes another kind of video.
    /// </summary>
    private VeoTier? SourceTier => SourceModel is string id && string.Equals(id, Model, StringComparison.OrdinalIgnoreCase)
        ? ModelCatalog.All.FirstOrDefault(m => string.Equals(m.ModelId, id, StringComparison.OrdinalIgnoreCase))?.Tier
        : null;

    /// <summary>
    /// A request that breaks a rule. From parameters it is terminating. From the pipeline it is one bad row of a
    /// batch: a non-terminating error (the other rows still go through) that names the row by its position and its
    /// own values, with the row itself as TargetObject, so <c>$bad.TargetObject | Export-Csv</c> gives back the rows to fix.
    /// </summary>
    private void ReportInputError(VeoException exception)
    {
        if (!MyInvocation.ExpectingInput || InputObject is null)
        {
            ThrowTerminatingError(ToErrorRecord(exception, Prompt));
        }

        WriteError(RowErrorRecord(exception));
    }

    /// <summary>An error about this row: from the pipeline, it names the row and has the row as TargetObject.</summary>
    private ErrorRecord RowErrorRecord(VeoException exception)
    {
        ErrorRecord record = ToErrorRecord(exception, Prompt);
        return !MyInvocation.ExpectingInput || InputObject is null
            ? record
            : new ErrorRecord(exception, exception.ErrorId, record.CategoryInfo.Category, InputObject)
            {
                ErrorDetails = new ErrorDetails($"Row {_rowNumber}: {exception.Message} The row: {DescribeRow(InputObject)}."),
            };
    }

    /// <summary>A row's own properties as Name='value' pairs (never a key), or the object itself when it has none.</summary>
    private static string DescribeRow(PSObject row)
    {
        string[] values = row.Properties
            .Where(p => p.MemberType == PSMemberTypes.NoteProperty && !string.Equals(p.Name, nameof(ApiKey), StringComparison.OrdinalIgnoreCase))
            .Select(p => $"{p.Name}='{p.Value}'")
            .ToArray();
        return values.Length > 0 ? string.Join(", ", values) : row.ToString();
    }

    protected bool IsBound(string parameter) => MyInvocation.BoundParameters.ContainsKey(parameter);
}

/// <summary>The New- cmdlets whose videos can be 4, 6 or 8 seconds long.</summary>
public abstract class NewTimedVeoVideoCommand : NewVeoVideoCommand
{
    /// <summary>4, 6 or 8 seconds (8 by default); what each model allows is in Get-VeoModel.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [BlankMeansNotGiven]
    [ArgumentCompleter(typeof(DurationCompleter))]
    public int DurationSeconds { get; set; }

    protected override VideoRequest AddInputs(VideoRequest request) =>
        request with { DurationSeconds = IsBound(nameof(DurationSeconds)) ? DurationSeconds : null };
}
