using System;
using System.Management.Automation;
using System.Threading;
using Veo.Client;
using Veo.PowerShell.Infrastructure;

namespace Veo.PowerShell.Commands;

/// <summary>
/// What every New-Veo*Video cmdlet shares: the common options, the local rule check, -WhatIf, and the single
/// create request. Subclasses add their images and mode.
/// </summary>
public abstract class NewVeoVideoCommand : VeoCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string Prompt { get; set; } = string.Empty;

    /// <summary>
    /// The model tier: Standard, Fast (the default) or Lite, or a model id standing for its tier. A string rather than
    /// an enum so that tab completion can offer only the tiers the chosen provider has (PowerShell completes enums itself).
    /// </summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(ModelTierCompleter))]
    [ModelTierTransformation]
    [ValidateEnumName(typeof(VeoTier), AlsoAccepted = "a model id of the provider (Get-VeoModel lists them)")]
    public string Model { get; set; } = nameof(VeoTier.Fast);

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(ResolutionCompleter))]
    public string? Resolution { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(AspectRatioCompleter))]
    public string? AspectRatio { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public int SampleCount { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public long Seed { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? NegativePrompt { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [CsvBoolean]
    public SwitchParameter GenerateAudio { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [CsvBoolean]
    public bool EnhancePrompt { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public PersonGeneration PersonGeneration { get; set; }

    /// <summary>1 (strictest) to 6 (most permissive); AIHubMax Standard and Fast models.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public int SafetyTolerance { get; set; }

    /// <summary>Let the provider rewrite a prompt that fails its checks (AIHubMax).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [CsvBoolean]
    public SwitchParameter AutoFix { get; set; }

    /// <summary>Waits for the task to finish before emitting it.</summary>
    [Parameter]
    public SwitchParameter Wait { get; set; }

    /// <summary>The longest -Wait waits, in seconds.</summary>
    [Parameter]
    [ValidateRange(1, int.MaxValue)]
    public int TimeoutSeconds { get; set; } = WaitVeoTaskCommand.DefaultTimeoutSeconds;

    /// <summary>The create request on its way, from just before it is sent until its answer is read.</summary>
    private PreparedCreate? _sentCreate;

    protected abstract VeoMode Mode { get; }

    /// <summary>The images or video (and other settings) of this cmdlet's mode, added to the common request.</summary>
    protected abstract VideoRequest AddInputs(VideoRequest request);

    /// <summary>The task whose video this request uses, when it came from one (extension); its connection is the default.</summary>
    protected virtual VeoTask? SourceTask => null;

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
            ReportInputError(ex, Prompt);
            return;
        }

        PreparedCreate prepared;
        try
        {
            prepared = Client.Prepare(connection, request);
        }
        catch (VeoException ex)
        {
            ReportInputError(ex, Prompt);
            return;
        }

        string action = $"Create a paid {prepared.Model.Mode} video task with {prepared.Model.ModelId}";
        string description = $"{action}: POST {prepared.Endpoint}{Environment.NewLine}{prepared.Preview}";
        if (!ShouldProcess(description, $"{action}? The provider bills each task.", "Create Veo video task"))
        {
            return;
        }

        RunToCompletion(async cancellationToken =>
        {
            VeoTask? task;
            try
            {
                task = await Client.CreateAsync(prepared, cancellationToken, () => Volatile.Write(ref _sentCreate, prepared)).ConfigureAwait(false);
            }
            finally
            {
                Volatile.Write(ref _sentCreate, null);
            }

            if (Wait)
            {
                task = await WaitForAsync(task, TimeSpan.FromSeconds(TimeoutSeconds), cancellationToken).ConfigureAwait(false);
            }

            if (task is not null)
            {
                Post(() => WriteObject(task));
            }
        });
    }

    /// <summary>
    /// A create stopped after it was sent may have made a billed task: say so on the host, since the warning stream
    /// closes with the pipeline (the ledger keeps it as a create without an answer, which Get-VeoTask reports).
    /// </summary>
    protected override void OnStopped()
    {
        if (Volatile.Read(ref _sentCreate) is PreparedCreate sent)
        {
            Host?.UI?.WriteWarningLine(Client.InterruptedCreate(sent));
        }
    }

    private VideoRequest BuildCommonRequest() => new()
    {
        Mode = Mode,
        Tier = (VeoTier)Enum.Parse(typeof(VeoTier), Model, ignoreCase: true),
        Prompt = Prompt,
        Resolution = Resolution,
        AspectRatio = AspectRatio,
        SampleCount = IsBound(nameof(SampleCount)) ? SampleCount : null,
        Seed = IsBound(nameof(Seed)) ? Seed : null,
        NegativePrompt = NegativePrompt,
        GenerateAudio = IsBound(nameof(GenerateAudio)) ? GenerateAudio.IsPresent : null,
        EnhancePrompt = IsBound(nameof(EnhancePrompt)) ? EnhancePrompt : null,
        PersonGeneration = IsBound(nameof(PersonGeneration)) ? PersonGeneration : null,
        SafetyTolerance = IsBound(nameof(SafetyTolerance)) ? SafetyTolerance : null,
        AutoFix = IsBound(nameof(AutoFix)) ? AutoFix.IsPresent : null,
    };

    protected bool IsBound(string parameter) => MyInvocation.BoundParameters.ContainsKey(parameter);
}

/// <summary>The New- cmdlets whose videos can be 4, 6 or 8 seconds long.</summary>
public abstract class NewTimedVeoVideoCommand : NewVeoVideoCommand
{
    /// <summary>4, 6 or 8 seconds (8 by default); what each model allows is in Get-VeoModel.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public int DurationSeconds { get; set; }

    protected override VideoRequest AddInputs(VideoRequest request) =>
        request with { DurationSeconds = IsBound(nameof(DurationSeconds)) ? DurationSeconds : null };
}
