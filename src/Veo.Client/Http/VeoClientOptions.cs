using System;
using System.IO;

namespace Veo.Client;

/// <summary>Timeouts, retry and polling settings. The defaults suit real providers; tests shorten them.</summary>
public sealed class VeoClientOptions
{
    /// <summary>How long one status or download request may take before it counts as failed (and is retried).</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a create request may take. It is never retried once sent, so this is generous.</summary>
    public TimeSpan CreateTimeout { get; set; } = TimeSpan.FromSeconds(120);

    /// <summary>Retries after the first attempt, for status requests and downloads.</summary>
    public int MaxRetries { get; set; } = 5;

    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest Retry-After this module waits out; a longer one ends the call with an error saying when to come back.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The shortest pause between two status requests for one task.</summary>
    public TimeSpan MinPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest pause between two status requests for one task.</summary>
    public TimeSpan MaxPollInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>The pause used while the provider gives no estimate of the time left.</summary>
    public TimeSpan DefaultPollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How many status reads in a row may fail (after their own retries) before a wait gives up. A wait lasts
    /// minutes; one bad answer in the middle should not abandon a paid task.
    /// </summary>
    public int MaxFailedPolls { get; set; } = 3;

    /// <summary>
    /// How long a task the provider calls completed, but without a video, is polled again before it fails as
    /// TaskHasNoVideo: gateways attach the link a little after saying completed, and a safety filter leaves none.
    /// </summary>
    public TimeSpan NoVideoGrace { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>A download that receives nothing for this long is treated as broken and resumed.</summary>
    public TimeSpan DownloadIdleTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>A download slower than this over a whole <see cref="DownloadRateWindow"/> is treated as broken and resumed.</summary>
    public double DownloadMinBytesPerSecond { get; set; } = 1024;

    /// <summary>How long a download's rate is measured before it is judged against <see cref="DownloadMinBytesPerSecond"/>.</summary>
    public TimeSpan DownloadRateWindow { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The largest video this module downloads (no Veo video comes near it); a longer body is an error.</summary>
    public long MaxDownloadBytes { get; set; } = 4L * 1024 * 1024 * 1024;

    /// <summary>
    /// Where an image or video fetched from a URL (for a provider that takes bytes) is kept while its create is sent;
    /// each copy is deleted when the create is done.
    /// </summary>
    public string FetchFolder { get; set; } = Path.GetTempPath();

    /// <summary>The size of a download's reads; the benchmark compares others against the default.</summary>
    internal int DownloadBufferSize { get; set; } = VideoDownloader.DefaultBufferSize;
}
