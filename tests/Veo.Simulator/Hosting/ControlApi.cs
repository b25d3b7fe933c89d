using System;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Veo.Simulator.Hosting;

/// <summary>Unauthenticated, unrecorded endpoints under /_sim/ for out-of-process users (Pester, demos).</summary>
internal static class ControlApi
{
    public const string PathPrefix = "/_sim";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Map(IEndpointRouteBuilder routes, SimulatorContext context)
    {
        RouteGroupBuilder control = routes.MapGroup(PathPrefix);
        control.MapGet("/requests", () => Results.Json(context.State.Requests, Json));
        control.MapPost("/faults", (HttpRequest request) => AddFaultAsync(request, context.State.Faults));
        control.MapPost("/timings", (HttpRequest request) => SetTimingsAsync(request, context.Options));
        control.MapPost("/reset", () =>
        {
            context.State.Reset();
            return Results.NoContent();
        });
    }

    private static async Task<IResult> AddFaultAsync(HttpRequest request, FaultScript faults)
    {
        try
        {
            FaultRequest body = await ReadAsync<FaultRequest>(request);
            if (!Enum.TryParse(body.Target, ignoreCase: true, out FaultTarget target) || !Enum.IsDefined(target))
            {
                throw new ArgumentException("target must be Create, Status or Download.");
            }

            faults.Add(target, body.ToFault(), body.Times ?? 1);
            return Results.NoContent();
        }
        catch (Exception e) when (e is ArgumentException or JsonException)
        {
            return Results.Text(e.Message, statusCode: StatusCodes.Status400BadRequest);
        }
    }

    private static async Task<IResult> SetTimingsAsync(HttpRequest request, SimulatorOptions options)
    {
        try
        {
            TimingsRequest body = await ReadAsync<TimingsRequest>(request);
            if (body.QueuedForMs is double queued)
            {
                options.QueuedFor = NonNegative(TimeSpan.FromMilliseconds(queued), "queuedForMs");
            }

            if (body.ProcessingForMs is double processing)
            {
                options.ProcessingFor = NonNegative(TimeSpan.FromMilliseconds(processing), "processingForMs");
            }

            if (body.VideoUrlTtlSeconds is double ttl)
            {
                options.VideoUrlTtl = TimeSpan.FromSeconds(ttl);
            }

            return Results.NoContent();
        }
        catch (Exception e) when (e is ArgumentException or JsonException)
        {
            return Results.Text(e.Message, statusCode: StatusCodes.Status400BadRequest);
        }
    }

    private static async Task<T> ReadAsync<T>(HttpRequest request) =>
        await JsonSerializer.DeserializeAsync<T>(request.Body, Json, request.HttpContext.RequestAborted)
        ?? throw new JsonException("A JSON object is required.");

    private static TimeSpan NonNegative(TimeSpan value, string name) =>
        value >= TimeSpan.Zero ? value : throw new ArgumentException($"{name} must not be negative.");

    private sealed record FaultRequest(string? Target, string? Kind, int? Status, JsonElement? RetryAfter, double? DelayMs, double? Fraction, int? Times)
    {
        public Fault ToFault() => Kind?.ToLowerInvariant() switch
        {
            "status" => new Fault.HttpStatus(
                Status ?? throw new ArgumentException("status is required for kind 'status'."),
                RetryAfter is { ValueKind: JsonValueKind.String or JsonValueKind.Number } retryAfter ? retryAfter.ToString() : null),
            "reset" => new Fault.ConnectionReset(),
            "delay" => new Fault.Delay(TimeSpan.FromMilliseconds(DelayMs ?? throw new ArgumentException("delayMs is required for kind 'delay'."))),
            "malformed" => new Fault.MalformedJson(),
            "truncate" => new Fault.TruncatedBody(Fraction ?? 0.5),
            _ => throw new ArgumentException("kind must be status, reset, delay, malformed or truncate."),
        };
    }

    private sealed record TimingsRequest(double? QueuedForMs, double? ProcessingForMs, double? VideoUrlTtlSeconds);
}
