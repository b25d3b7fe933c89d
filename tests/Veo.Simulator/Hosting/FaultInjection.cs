using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Net.Http.Headers;

namespace Veo.Simulator.Hosting;

/// <summary>
/// Applies the next scripted fault of the matched endpoint's <see cref="FaultPoint"/>, if any; a create without a
/// fault is answered after <see cref="SimulatorOptions.CreateLatency"/>.
/// </summary>
internal sealed class FaultInjection(RequestDelegate next, FaultScript faults, SimulatorOptions options, IHostApplicationLifetime lifetime)
{
    // Lets the transport send the flushed bytes before the connection is torn down.
    private static readonly TimeSpan DrainBeforeAbort = TimeSpan.FromMilliseconds(100);

    public async Task InvokeAsync(HttpContext context)
    {
        FaultPoint? point = context.GetEndpoint()?.Metadata.GetMetadata<FaultPoint>();
        Fault? fault = point is null ? null : faults.TakeNext(point.Target);
        switch (fault)
        {
            case null when point?.Target == FaultTarget.Create && options.CreateLatency > TimeSpan.Zero:
                await DelayThenAnswerAsync(context, options.CreateLatency);
                break;
            case null:
                await next(context);
                break;
            case Fault.HttpStatus status:
                if (status.RetryAfter is not null)
                {
                    context.Response.Headers[HeaderNames.RetryAfter] = status.RetryAfter;
                }

                await point!.ErrorForStatus(status.Status).ExecuteAsync(context);
                break;
            case Fault.ConnectionReset:
                ConnectionDrop.Drop(context);
                break;
            case Fault.Delay delay:
                await DelayThenAnswerAsync(context, delay.Duration);
                break;
            case Fault.MalformedJson:
                context.Response.StatusCode = StatusCodes.Status200OK;
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync("{not json", context.RequestAborted);
                break;
            case Fault.TruncatedBody truncated:
                await AnswerTruncatedAsync(context, truncated.Fraction);
                break;
            case Fault.Answer answer:
                context.Response.StatusCode = answer.Status;
                context.Response.ContentType = answer.ContentType;
                await context.Response.WriteAsync(
                    answer.Body.Replace(Fault.Answer.EchoedAuthorization, EchoedKeyHeader(context.Request), StringComparison.Ordinal),
                    context.RequestAborted);
                break;
            case Fault.OversizedBody oversized:
                await AnswerOversizedAsync(context, oversized.Bytes);
                break;
            case Fault.WrongRange:
                if (context.Request.Headers.Range.Count > 0)
                {
                    context.Request.Headers.Range = "bytes=0-";
                }

                await next(context);
                break;
            case Fault.Trickle trickle:
                await AnswerSlowlyAsync(context, trickle.Interval);
                break;
            case Fault.StallAfterHeaders:
                await AnswerSlowlyAsync(context, Timeout.InfiniteTimeSpan);
                break;
            case Fault.EndlessBody:
                await AnswerEndlesslyAsync(context);
                break;
            default:
                throw new InvalidOperationException($"Unhandled fault {fault}.");
        }
    }

    private async Task DelayThenAnswerAsync(HttpContext context, TimeSpan duration)
    {
        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        try
        {
            await Task.Delay(duration, waiting.Token);
        }
        catch (OperationCanceledException) when (!context.RequestAborted.IsCancellationRequested)
        {
            // The server is shutting down: don't hold up the shutdown.
            ConnectionDrop.Drop(context);
            return;
        }

        await next(context);
    }

    /// <summary>Sends <c>{"pad":"xxx…"}</c> of <paramref name="bytes"/> bytes in chunks; stops when the client goes away.</summary>
    private static async Task AnswerOversizedAsync(HttpContext context, long bytes)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = bytes;
        byte[] chunk = new byte[64 * 1024];
        Array.Fill(chunk, (byte)'x');
        await context.Response.WriteAsync("{\"pad\":\"", context.RequestAborted);
        long left = bytes - 10;
        try
        {
            while (left > 0)
            {
                int count = (int)Math.Min(chunk.Length, left);
                await context.Response.Body.WriteAsync(chunk.AsMemory(0, count), context.RequestAborted);
                left -= count;
            }

            await context.Response.WriteAsync("\"}", context.RequestAborted);
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException)
        {
            // The client stopped reading: that is what this fault is for.
        }
    }

    /// <summary>Produces the normal answer, then sends its full Content-Length but only part of its bytes.</summary>
    private async Task AnswerTruncatedAsync(HttpContext context, double fraction)
    {
        (Stream wire, MemoryStream buffer) = await BufferAnswerAsync(context);
        using (buffer)
        {
            context.Response.ContentLength = buffer.Length;
            await context.Response.StartAsync(context.RequestAborted);
            await wire.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)(buffer.Length * fraction)), context.RequestAborted);
            await wire.FlushAsync(context.RequestAborted);
        }

        await Task.Delay(DrainBeforeAbort, context.RequestAborted);
        ConnectionDrop.Drop(context);
    }

    /// <summary>Sends the normal answer's headers, then one byte per <paramref name="interval"/> (never, when infinite).</summary>
    private async Task AnswerSlowlyAsync(HttpContext context, TimeSpan interval)
    {
        (Stream wire, MemoryStream buffer) = await BufferAnswerAsync(context);
        using var sending = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        using (buffer)
        {
            context.Response.ContentLength = buffer.Length;
            await context.Response.StartAsync(sending.Token);
            await wire.FlushAsync(sending.Token);
            try
            {
                for (int sent = 0; sent < buffer.Length; sent++)
                {
                    await Task.Delay(interval, sending.Token);
                    await wire.WriteAsync(buffer.GetBuffer().AsMemory(sent, 1), sending.Token);
                    await wire.FlushAsync(sending.Token);
                }
            }
            catch (OperationCanceledException)
            {
                ConnectionDrop.Drop(context);
            }
        }
    }

    /// <summary>Sends the normal answer without a Content-Length, then zeros until the client goes away.</summary>
    private async Task AnswerEndlesslyAsync(HttpContext context)
    {
        (Stream wire, MemoryStream buffer) = await BufferAnswerAsync(context);
        using var sending = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        byte[] zeros = new byte[1 << 16];
        try
        {
            using (buffer)
            {
                await wire.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), sending.Token);
            }

            while (true)
            {
                await wire.WriteAsync(zeros, sending.Token);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException)
        {
            ConnectionDrop.Drop(context);
        }
    }

    /// <summary>Runs the endpoint into a buffer instead of the wire; the status and headers it set stay on the response.</summary>
    private async Task<(Stream Wire, MemoryStream Buffer)> BufferAnswerAsync(HttpContext context)
    {
        Stream wire = context.Response.Body;
        var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
            await context.Response.BodyWriter.FlushAsync(context.RequestAborted);
        }
        finally
        {
            context.Response.Body = wire;
        }

        context.Response.ContentLength = null;
        return (wire, buffer);
    }

    /// <summary>The header that carried the key, as a provider that echoes it would quote it (Google's x-goog-api-key, else Authorization).</summary>
    private static string EchoedKeyHeader(HttpRequest request) =>
        request.Headers.TryGetValue(Google.GoogleProtocol.KeyHeader, out Microsoft.Extensions.Primitives.StringValues key) ? key.ToString() : request.Headers.Authorization.ToString();
}
