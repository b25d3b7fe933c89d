using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace Veo.Client;

/// <summary>
/// The files one client has uploaded, so a file used again (the same image for first and last frame, one image for a
/// whole batch) is uploaded once. Bounded; an entry keeps only the upload's URL and time, never a caller's log or
/// cancellation token: a caller that stops waiting leaves the others to upload for themselves.
/// </summary>
internal sealed class UploadCache
{
    /// <summary>How many uploads one client remembers; the oldest is forgotten first.</summary>
    public const int Capacity = 256;

    private readonly object _gate = new();
    private readonly Dictionary<string, Entry> _uploads = new();
    private long _added;

    /// <summary>
    /// The URL of <paramref name="key"/>'s upload made within <paramref name="reuseWindow"/>, else the URL of a new
    /// upload (by <paramref name="upload"/>, with this caller's token). <paramref name="reused"/> is called when an
    /// earlier upload serves.
    /// </summary>
    public async Task<Uri> GetOrUploadAsync(
        string key, TimeSpan reuseWindow, Func<CancellationToken, Task<Uri>> upload, Action<Uri> reused, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task<Upload> entry;
            bool mine = false;
            lock (_gate)
            {
                if (_uploads.TryGetValue(key, out Entry? known) && !IsUnusable(known.Upload, reuseWindow))
                {
                    entry = known.Upload;
                }
                else
                {
                    entry = UploadAsync(upload, cancellationToken);
                    Remember(key, entry);
                    mine = true;
                }
            }

            try
            {
                Upload done = await WaitAsync(entry, cancellationToken).ConfigureAwait(false);
                if (!mine)
                {
                    reused(done.Url);
                }

                return done.Url;
            }
            catch (Exception) when (entry.IsFaulted || entry.IsCanceled)
            {
                Forget(key, entry);
                if (mine || cancellationToken.IsCancellationRequested)
                {
                    throw;
                }

                // Another caller's upload failed or was cancelled: upload for this caller instead.
            }
        }
    }

    private static async Task<Upload> UploadAsync(Func<CancellationToken, Task<Uri>> upload, CancellationToken cancellationToken)
    {
        await Task.Yield(); // start the upload outside the lock its entry was made under
        return new Upload(await upload(cancellationToken).ConfigureAwait(false), DateTimeOffset.UtcNow);
    }

    /// <summary>Waits for an upload, or until this caller is cancelled, whichever comes first.</summary>
    private static async Task<Upload> WaitAsync(Task<Upload> upload, CancellationToken cancellationToken)
    {
        if (!upload.IsCompleted && cancellationToken.CanBeCanceled)
        {
            var cancelled = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            using (cancellationToken.Register(() => cancelled.TrySetResult(true)))
            {
                await Task.WhenAny(upload, cancelled.Task).ConfigureAwait(false);
            }

            cancellationToken.ThrowIfCancellationRequested();
        }

        return await upload.ConfigureAwait(false);
    }

    private static bool IsUnusable(Task<Upload> entry, TimeSpan reuseWindow) =>
        entry.IsFaulted || entry.IsCanceled || (entry.Status == TaskStatus.RanToCompletion && DateTimeOffset.UtcNow - entry.Result.At >= reuseWindow);

    private void Remember(string key, Task<Upload> upload)
    {
        _uploads[key] = new Entry(upload, ++_added);
        if (_uploads.Count > Capacity)
        {
            _uploads.Remove(_uploads.OrderBy(e => e.Value.Added).First().Key);
        }
    }

    private void Forget(string key, Task<Upload> entry)
    {
        lock (_gate)
        {
            if (_uploads.TryGetValue(key, out Entry? current) && ReferenceEquals(current.Upload, entry))
            {
                _uploads.Remove(key);
            }
        }
    }

    private sealed record Upload(Uri Url, DateTimeOffset At);

    private sealed record Entry(Task<Upload> Upload, long Added);
}
