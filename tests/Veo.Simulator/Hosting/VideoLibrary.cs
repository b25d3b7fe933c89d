using System;
using System.Buffers.Binary;
using System.Globalization;
using System.IO;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Veo.Simulator.Tasks;

namespace Veo.Simulator.Hosting;

/// <summary>
/// Serves the videos of finished tasks behind signed-looking links (no auth, an expiry in the query),
/// the way providers hand out storage URLs. Shared by every protocol.
/// </summary>
internal sealed class VideoLibrary(TaskStore tasks, TimeProvider clock)
{
    public const string PathPrefix = "/sim/videos";

    private const string SampleResourceName = "Veo.Simulator.Assets.sample.mp4";
    private const string FileSuffix = ".mp4";

    private static readonly Lazy<byte[]> Sample = new(LoadSample);

    /// <summary>The download link of video <paramref name="index"/> (0-based) of a task, as seen from <paramref name="request"/>.</summary>
    public static Uri LinkFor(HttpRequest request, SimulatedTask task, int index, DateTimeOffset expiresAt) =>
        new($"{ServerLinks.Root(request)}{PathPrefix}/{task.Id}/{index}{FileSuffix}?expires={expiresAt.ToUnixTimeSeconds()}");

    public void Map(IEndpointRouteBuilder routes)
    {
        routes.MapMethods($"{PathPrefix}/{{taskId}}/{{file}}", [HttpMethods.Get, HttpMethods.Head], Download)
            .AsFaultPoint(FaultTarget.Download, status => Denied(status, "SimulatedFault", "The simulator injected this error."));
    }

    private IResult Download(string taskId, string file, HttpRequest request)
    {
        if (!long.TryParse(request.Query["expires"], NumberStyles.None, CultureInfo.InvariantCulture, out long expires)
            || DateTimeOffset.FromUnixTimeSeconds(Math.Min(expires, DateTimeOffset.MaxValue.ToUnixTimeSeconds())) < clock.GetUtcNow())
        {
            return Denied(StatusCodes.Status403Forbidden, "AccessDenied", "Request has expired.");
        }

        SimulatedTask? task = tasks.Find(taskId);
        bool exists = task is not null
            && task.ProgressAt(clock.GetUtcNow()).Phase == TaskPhase.Succeeded
            && file.EndsWith(FileSuffix, StringComparison.Ordinal)
            && int.TryParse(file.AsSpan(0, file.Length - FileSuffix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out int index)
            && index < task.SampleCount;
        if (!exists)
        {
            return Denied(StatusCodes.Status403Forbidden, "AccessDenied", "Access denied.");
        }

        return Results.File(Tagged(task!.Id, file), "video/mp4", enableRangeProcessing: true);
    }

    /// <summary>Errors look like a cloud storage bucket's, not like the provider API's.</summary>
    private static IResult Denied(int status, string code, string message) =>
        Results.Text($"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>{code}</Code><Message>{message}</Message></Error>", "application/xml", Encoding.UTF8, status);

    /// <summary>The sample plus a trailing MP4 'free' box naming the video, so every link serves distinct (still valid) bytes.</summary>
    private static byte[] Tagged(string taskId, string file)
    {
        byte[] tag = Encoding.UTF8.GetBytes($"veo-simulator {taskId}/{file}");
        byte[] sample = Sample.Value;
        byte[] video = new byte[sample.Length + 8 + tag.Length];
        sample.CopyTo(video, 0);
        BinaryPrimitives.WriteUInt32BigEndian(video.AsSpan(sample.Length), (uint)(8 + tag.Length));
        Encoding.ASCII.GetBytes("free").CopyTo(video, sample.Length + 4);
        tag.CopyTo(video, sample.Length + 8);
        return video;
    }

    private static byte[] LoadSample()
    {
        using Stream stream = typeof(VideoLibrary).Assembly.GetManifestResourceStream(SampleResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {SampleResourceName} is missing.");
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        return bytes.ToArray();
    }
}
