using System;
using System.Threading;
using System.Threading.Tasks;

namespace Veo.Client.Tests.Client;

/// <summary>One client's uploads: each file once, bounded, and never tied to the first caller's cancellation.</summary>
public sealed class UploadCacheTests
{
    private static readonly TimeSpan Window = TimeSpan.FromHours(48);

    private int _uploads;

    private Task<Uri> Upload(string name)
    {
        Interlocked.Increment(ref _uploads);
        return Task.FromResult(new Uri("https://files.example/" + name));
    }

    [Fact]
    public async Task AFileUsedAgainIsUploadedOnceAndTheReuseIsReported()
    {
        var cache = new UploadCache();
        int reused = 0;

        Uri first = await cache.GetOrUploadAsync("a", Window, _ => Upload("a"), _ => reused++, default);
        Uri second = await cache.GetOrUploadAsync("a", Window, _ => Upload("a"), _ => reused++, default);

        Assert.Equal(first, second);
        Assert.Equal((1, 1), (_uploads, reused));
    }

    [Fact]
    public async Task EachClientHasItsOwnUploads()
    {
        await new UploadCache().GetOrUploadAsync("a", Window, _ => Upload("a"), _ => { }, default);
        await new UploadCache().GetOrUploadAsync("a", Window, _ => Upload("a"), _ => { }, default);
        Assert.Equal(2, _uploads);
    }

    [Fact]
    public async Task AnUploadOlderThanTheWindowIsMadeAgain()
    {
        var cache = new UploadCache();
        await cache.GetOrUploadAsync("a", TimeSpan.Zero, _ => Upload("a"), _ => { }, default);
        await cache.GetOrUploadAsync("a", TimeSpan.Zero, _ => Upload("a"), _ => { }, default);
        Assert.Equal(2, _uploads);
    }

    [Fact]
    public async Task TheCacheIsBoundedForgettingTheOldestUploadFirst()
    {
        var cache = new UploadCache();
        for (int i = 0; i <= UploadCache.Capacity; i++)
        {
            await cache.GetOrUploadAsync("file" + i, Window, _ => Upload("f"), _ => { }, default);
        }

        await cache.GetOrUploadAsync("file" + UploadCache.Capacity, Window, _ => Upload("f"), _ => { }, default);
        Assert.Equal(UploadCache.Capacity + 1, _uploads);
        await cache.GetOrUploadAsync("file0", Window, _ => Upload("f"), _ => { }, default);
        Assert.Equal(UploadCache.Capacity + 2, _uploads);
    }

    [Fact]
    public async Task AFailedUploadIsNotKept()
    {
        var cache = new UploadCache();
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            cache.GetOrUploadAsync("a", Window, _ => throw new InvalidOperationException("no"), _ => { }, default));

        await cache.GetOrUploadAsync("a", Window, _ => Upload("a"), _ => { }, default);
        Assert.Equal(1, _uploads);
    }

    [Fact]
    public async Task WhenTheFirstCallerIsCancelledTheOneWaitingUploadsWithItsOwnToken()
    {
        var cache = new UploadCache();
        using var firstCaller = new CancellationTokenSource();
        var started = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        CancellationToken seenBySecondUpload = default;

        Task<Uri> first = cache.GetOrUploadAsync("a", Window, async token =>
        {
            started.SetResult(true);
            await Task.Delay(Timeout.Infinite, token);
            return new Uri("https://files.example/never");
        }, _ => { }, firstCaller.Token);
        await started.Task;
        using var secondCaller = new CancellationTokenSource();
        Task<Uri> second = cache.GetOrUploadAsync("a", Window, token =>
        {
            seenBySecondUpload = token;
            return Upload("a");
        }, _ => { }, secondCaller.Token);

        firstCaller.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        Assert.Equal(new Uri("https://files.example/a"), await second.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(secondCaller.Token, seenBySecondUpload);
    }

    [Fact]
    public async Task ACallerThatStopsWaitingLeavesTheUploadToTheOthers()
    {
        var cache = new UploadCache();
        var release = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        Task<Uri> first = cache.GetOrUploadAsync("a", Window, _ => release.Task, _ => { }, default);
        using var impatient = new CancellationTokenSource();
        Task<Uri> second = cache.GetOrUploadAsync("a", Window, _ => Upload("a"), _ => { }, impatient.Token);

        impatient.Cancel();
        release.SetResult(new Uri("https://files.example/shared"));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => second);
        Assert.Equal(new Uri("https://files.example/shared"), await first);
        Assert.Equal(new Uri("https://files.example/shared"), await cache.GetOrUploadAsync("a", Window, _ => Upload("a"), _ => { }, default));
        Assert.Equal(0, _uploads);
    }
}
