using System;
using System.IO;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace Veo.Simulator.Hosting;

/// <summary>Records every request except the control API, with the status the client actually saw.</summary>
internal sealed class RequestLog(RequestDelegate next, SimulatorState state, TimeProvider clock)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Path.StartsWithSegments(ControlApi.PathPrefix))
        {
            await next(context);
            return;
        }

        DateTimeOffset arrivedAt = clock.GetUtcNow();
        string? body = null;
        try
        {
            // Inside the try: a request abandoned while its body is still arriving was still sent, and must count.
            body = await ReadBodyAsync(context.Request);
            await next(context);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away (e.g. its timeout during a Delay fault): nothing more to answer.
        }
        catch
        {
            state.Record(Entry(StatusCodes.Status500InternalServerError));
            throw;
        }

        state.Record(Entry(StatusSeenByClient(context)));

        RecordedRequest Entry(int status) => new(
            arrivedAt,
            context.Request.Method,
            context.Request.Path + context.Request.QueryString,
            status,
            body,
            context.Request.Headers.Authorization.Count > 0,
            context.Request.ContentType);
    }

    private static int StatusSeenByClient(HttpContext context)
    {
        bool connectionGone = ConnectionDrop.WasDropped(context) || context.RequestAborted.IsCancellationRequested;
        return connectionGone && !context.Response.HasStarted ? 0 : context.Response.StatusCode;
    }

    /// <summary>Reads the body for the log and puts a rewindable copy back for the handler.</summary>
    private static async Task<string?> ReadBodyAsync(HttpRequest request)
    {
        var copy = new MemoryStream();
        await request.Body.CopyToAsync(copy, request.HttpContext.RequestAborted);
        copy.Position = 0;
        request.Body = copy;
        request.HttpContext.Response.RegisterForDispose(copy);
        return BodySummary.Summarize(copy.GetBuffer().AsSpan(0, (int)copy.Length));
    }
}
