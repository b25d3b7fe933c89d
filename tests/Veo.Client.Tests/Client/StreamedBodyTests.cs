using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Veo.Simulator;

namespace Veo.Client.Tests.Client;

/// <summary>Request bodies whose images are encoded from their files as they are sent.</summary>
public sealed class StreamedBodyTests : IDisposable
{
    private readonly TestImages _images = new();

    public void Dispose() => _images.Dispose();

    /// <summary>A PNG-headed file of <paramref name="length"/> bytes of varied content.</summary>
    private string Varied(int length, byte seed)
    {
        byte[] bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        TestImages.PngHeader.CopyTo(bytes, 0);
        string path = Path.Combine(_images.Folder, $"varied-{length}-{seed}.png");
        File.WriteAllBytes(path, bytes);
        return path;
    }

    [Theory]
    [InlineData(8)]
    [InlineData(StreamedJsonBody.RawBlock - 1)]
    [InlineData(StreamedJsonBody.RawBlock)]
    [InlineData(StreamedJsonBody.RawBlock + 1)]
    [InlineData(3 * StreamedJsonBody.RawBlock + 2)]
    public void TheBase64SentIsTheFilesAtBlockEdgesAndTheLengthIsExact(int length)
    {
        string path = Varied(length, 7);
        ImageInput image = ImageInput.FromFile(path);
        StreamedJsonBody body = StreamedJsonBody.Write((writer, media) =>
        {
            writer.WriteStartObject();
            writer.WritePropertyName("a");
            media.WriteBase64(writer, image);
            writer.WriteString("between", "x");
            writer.WritePropertyName("b");
            media.WriteBase64(writer, image);
            writer.WriteEndObject();
        });

        string sent = ProviderTestKit.Sent(body);

        string base64 = TestImages.Base64Of(path);
        Assert.Equal($"{{\"a\":\"{base64}\",\"between\":\"x\",\"b\":\"{base64}\"}}", sent);
    }

    [Fact]
    public async Task ACreateResentAfterA429ReadsTheImageFileAgain()
    {
        await using SimulatedProvider provider = await SimulatedProvider.StartAsync();
        string path = Varied(150, 1);
        PreparedCreate prepared = provider.Client.Prepare(provider.Connection, new VideoRequest { Mode = VeoMode.FirstFrame, Prompt = "a fox", Image = ImageInput.FromFile(path) });
        provider.Server.State.Faults.Add(FaultTarget.Create, new Fault.HttpStatus(429, "2"));
        string before = TestImages.Base64Of(path);

        Task<VeoTask> creating = provider.Client.CreateAsync(prepared, default);
        Assert.True(await provider.EventuallyAsync(() => provider.Creates == 1));
        // Same size and format, other bytes: the resend must carry what the file holds now (small enough for the log to keep).
        File.Copy(Varied(150, 2), path, overwrite: true);
        await creating;

        string[] bodies = provider.Server.State.Requests.Where(r => r.Method == "POST").Select(r => r.Body ?? string.Empty).ToArray();
        Assert.Equal(2, bodies.Length);
        Assert.Contains(before, bodies[0]);
        Assert.Contains(TestImages.Base64Of(path), bodies[1]);
    }

    [Theory]
    [InlineData("shorter")]
    [InlineData("deleted")]
    public async Task AnImageThatChangesAfterItWasCheckedEndsTheCreateWithoutATask(string change)
    {
        await using SimulatedProvider provider = await SimulatedProvider.StartAsync();
        string path = Varied(200_000, 3);
        PreparedCreate prepared = provider.Client.Prepare(provider.Connection, new VideoRequest { Mode = VeoMode.FirstFrame, Prompt = "a fox", Image = ImageInput.FromFile(path) });
        if (change == "deleted")
        {
            File.Delete(path);
        }
        else
        {
            File.WriteAllBytes(path, File.ReadAllBytes(path).AsSpan(0, 1000).ToArray());
        }

        VeoException error = await Assert.ThrowsAsync<VeoException>(() => provider.Client.CreateAsync(prepared, default));

        Assert.Equal(VeoErrorIds.FileUnreadable, error.ErrorId);
        Assert.Contains("cannot have acted on it", error.Message);
        await Task.Delay(200);
        Assert.DoesNotContain(provider.Server.State.Requests, r => r.Method == "POST" && r.StatusCode == 200);
    }

    [Fact]
    public async Task AnAIHubMaxUploadRetriedAfterA503SendsTheWholeFileAgain()
    {
        await using SimulatedProvider provider = await SimulatedProvider.StartAsync(provider: VeoProvider.AIHubMax);
        string path = Varied(150, 4);
        provider.Server.State.Faults.Add(FaultTarget.Upload, new Fault.HttpStatus(503));

        await provider.CreateAsync(new VideoRequest { Mode = VeoMode.FirstFrame, Prompt = "a fox", Image = ImageInput.FromFile(path) });

        RecordedRequest[] uploads = provider.Server.State.Requests.Where(r => r.PathAndQuery.StartsWith("/v1/files/upload", StringComparison.Ordinal)).ToArray();
        Assert.Equal(["/v1/files/upload/stream", "/v1/files/upload/stream"], uploads.Select(r => r.PathAndQuery));
        // The retried upload carried the whole file: what the create links to is the file's bytes.
        string create = provider.Server.State.Requests.Single(r => r.PathAndQuery == "/v1/videos/generations").Body!;
        string link = System.Text.Json.JsonDocument.Parse(create).RootElement.GetProperty("image_url").GetString()!;
        using var http = new System.Net.Http.HttpClient();
        Assert.Equal(System.IO.File.ReadAllBytes(path), await http.GetByteArrayAsync(link));
    }
}
