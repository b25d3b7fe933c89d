using System;
using System.Buffers.Binary;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading.Tasks;
using Veo.Simulator;

namespace Veo.Client.Tests.Simulator;

/// <summary>VideoSizeBytes: videos of any size, generated while they are sent (the benchmark downloads 1 GiB).</summary>
public sealed class GeneratedVideoTests
{
    [Fact]
    public async Task Video_size_set_through_the_control_api_streams_that_many_mp4_bytes_with_range_support()
    {
        const long Size = 3 * 65_536 + 12_345;
        await using SimulatorServer sim = await VideoDownloadTests.StartInstantAsync();
        using var api = new SimulatorApi(sim);
        Assert.Equal(HttpStatusCode.NoContent, (await api.ControlAsync("options", new { videoSizeBytes = Size })).Status);
        Assert.Equal(Size, sim.Options.VideoSizeBytes);
        Uri[] links = await VideoDownloadTests.FinishedVideoLinksAsync(api, sampleCount: 2);

        using HttpResponseMessage response = await api.Http.GetAsync(links[0]);
        byte[] video = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("video/mp4", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("bytes", response.Headers.AcceptRanges);
        Assert.Equal(Size, response.Content.Headers.ContentLength);
        Assert.Equal(Size, video.Length);
        int ftypSize = (int)BinaryPrimitives.ReadUInt32BigEndian(video);
        Assert.Equal("ftyp", Encoding.ASCII.GetString(video, 4, 4));
        Assert.Equal(Size - ftypSize, BinaryPrimitives.ReadUInt32BigEndian(video.AsSpan(ftypSize)));
        Assert.Equal("mdat", Encoding.ASCII.GetString(video, ftypSize + 4, 4));
        Assert.NotEqual(video, await api.Http.GetByteArrayAsync(links[1]));

        // A range across a block boundary returns exactly the bytes the full download had there.
        using var ranged = new HttpRequestMessage(HttpMethod.Get, links[0]);
        ranged.Headers.Range = new RangeHeaderValue(65_536 - 100, 65_536 + 99);
        using HttpResponseMessage partial = await api.Http.SendAsync(ranged);
        ContentRangeHeaderValue range = partial.Content.Headers.ContentRange!;

        Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
        Assert.Equal((65_436L, 65_635L, Size), (range.From, range.To, range.Length));
        Assert.Equal(video.Skip(65_436).Take(200).ToArray(), await partial.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Video_over_4_GiB_uses_a_64_bit_mdat_header_and_serves_its_tail()
    {
        const long Size = 5L * 1024 * 1024 * 1024 + 7;
        await using SimulatorServer sim = await VideoDownloadTests.StartInstantAsync();
        sim.Options.VideoSizeBytes = Size;
        using var api = new SimulatorApi(sim);
        Uri link = (await VideoDownloadTests.FinishedVideoLinksAsync(api))[0];

        byte[] head = await GetRangeAsync(api, link, new RangeHeaderValue(0, 63), Size);
        byte[] tail = await GetRangeAsync(api, link, new RangeHeaderValue(null, 10), Size);

        int ftypSize = (int)BinaryPrimitives.ReadUInt32BigEndian(head);
        Assert.Equal(1u, BinaryPrimitives.ReadUInt32BigEndian(head.AsSpan(ftypSize)));
        Assert.Equal("mdat", Encoding.ASCII.GetString(head, ftypSize + 4, 4));
        Assert.Equal((ulong)(Size - ftypSize), BinaryPrimitives.ReadUInt64BigEndian(head.AsSpan(ftypSize + 8)));
        Assert.Equal(10, tail.Length);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(10)]
    public async Task Control_api_refuses_a_video_size_too_small_to_be_an_mp4(long size)
    {
        await using SimulatorServer sim = await VideoDownloadTests.StartInstantAsync();
        using var api = new SimulatorApi(sim);

        (HttpStatusCode status, string body) = await api.ControlAsync("options", new { videoSizeBytes = size });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("videoSizeBytes", body, StringComparison.Ordinal);
        Assert.Equal(0, sim.Options.VideoSizeBytes);
    }

    private static async Task<byte[]> GetRangeAsync(SimulatorApi api, Uri link, RangeHeaderValue range, long size)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, link);
        request.Headers.Range = range;
        using HttpResponseMessage response = await api.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal(size, response.Content.Headers.ContentRange!.Length);
        return await response.Content.ReadAsByteArrayAsync();
    }
}
