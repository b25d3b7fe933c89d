namespace Veo.Client;

/// <summary>Stable error ids. Scripts match on them, so they never change once released.</summary>
public static class VeoErrorIds
{
    // Rules checked before anything is sent.
    public const string ModelNotAvailable = "ModelNotAvailable";
    public const string OptionNotSupported = "OptionNotSupported";
    public const string PromptMissing = "PromptMissing";
    public const string DurationNotAllowed = "DurationNotAllowed";
    public const string ResolutionNotAllowed = "ResolutionNotAllowed";
    public const string AspectRatioNotAllowed = "AspectRatioNotAllowed";
    public const string SampleCountOutOfRange = "SampleCountOutOfRange";
    public const string SeedOutOfRange = "SeedOutOfRange";
    public const string ReferenceImageCount = "ReferenceImageCount";
    public const string PersonGenerationNotAllowed = "PersonGenerationNotAllowed";
    public const string EnhancePromptAlwaysOn = "EnhancePromptAlwaysOn";
    public const string SafetyToleranceOutOfRange = "SafetyToleranceOutOfRange";

    // Input files.
    public const string ImageNotFound = "ImageNotFound";
    public const string ImageEmpty = "ImageEmpty";
    public const string ImageTooLarge = "ImageTooLarge";
    public const string ImageFormatNotSupported = "ImageFormatNotSupported";
    public const string FileUnreadable = "FileUnreadable";
    public const string VideoNotFound = "VideoNotFound";
    public const string VideoEmpty = "VideoEmpty";
    public const string VideoTooLarge = "VideoTooLarge";
    public const string VideoFormatNotSupported = "VideoFormatNotSupported";
    public const string VideoUrlUnavailable = "VideoUrlUnavailable";
    public const string VideoUrlRequired = "VideoUrlRequired";
    public const string ImageUrlUnavailable = "ImageUrlUnavailable";

    // Credentials and provider answers.
    public const string NoApiKey = "NoApiKey";
    public const string AuthenticationFailed = "AuthenticationFailed";
    public const string InsufficientBalance = "InsufficientBalance";
    public const string AccessDenied = "AccessDenied";
    public const string RequestRejected = "RequestRejected";
    public const string ModelNotFound = "ModelNotFound";
    public const string TaskNotFound = "TaskNotFound";
    public const string RateLimited = "RateLimited";
    public const string ProviderUnavailable = "ProviderUnavailable";
    public const string ProviderError = "ProviderError";
    public const string InvalidProviderResponse = "InvalidProviderResponse";
    public const string ConnectionFailed = "ConnectionFailed";
    public const string RequestTimedOut = "RequestTimedOut";
    public const string CreateOutcomeUnknown = "CreateOutcomeUnknown";
    public const string IdempotencyKeyConflict = "IdempotencyKeyConflict";

    // Tasks and downloads.
    public const string TaskFailed = "TaskFailed";
    public const string WaitTimedOut = "WaitTimedOut";
    public const string TaskHasNoVideo = "TaskHasNoVideo";
    public const string VideoFileExists = "VideoFileExists";
    public const string DownloadIncomplete = "DownloadIncomplete";
    public const string VideoLinkExpired = "VideoLinkExpired";
    public const string DownloadFailed = "DownloadFailed";
    public const string DownloadNotAVideo = "DownloadNotAVideo";
    public const string DownloadTooLarge = "DownloadTooLarge";
    public const string DownloadTimedOut = "DownloadTimedOut";

    // Values that cannot be used as they are: say what to fix.
    public const string InvalidTaskId = "InvalidTaskId";
    public const string InvalidBaseUri = "InvalidBaseUri";
    public const string InvalidApiKey = "InvalidApiKey";
    public const string UnsupportedVideoLink = "UnsupportedVideoLink";
    public const string InputIsAFolder = "InputIsAFolder";
    public const string VideoPathConflict = "VideoPathConflict";
    public const string VideoPathNotWritable = "VideoPathNotWritable";
    public const string DiskFull = "DiskFull";
    public const string LedgerLocked = "LedgerLocked";
}
