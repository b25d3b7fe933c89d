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
        control.MapPost("/faults", (HttpRequest request) => ApplyAsync<FaultRequest>(request, body =>
            context.State.Faults.Add(ParseEnum<FaultTarget>(body.Target, "target"), body.ToFault(), body.Times ?? 1)));
        control.MapPost("/timings", (HttpRequest request) => ApplyAsync<TimingsRequest>(request, body => body.ApplyTo(context.Options)));
        control.MapPost("/options", (HttpRequest request) => ApplyAsync<OptionsRequest>(request, body => body.ApplyTo(context.Options)));
        control.MapPost("/reset", () =>
        {
            context.State.Reset();
            return Results.NoContent();
        });
    }

    /// <summary>Reads the body and applies it: 204, or 400 with the reason when the body or a value is unacceptable.</summary>
    private static async Task<IResult> ApplyAsync<T>(HttpRequest request, Action<T> apply)
    {
        try
        {
            T body = await JsonSerializer.DeserializeAsync<T>(request.Body, Json, request.HttpContext.RequestAborted)
                ?? throw new JsonException("A JSON object is required.");
            apply(body);
            return Results.NoContent();
        }
        catch (Exception e) when (e is ArgumentException or JsonException)
        {
            return Results.Text(e.Message, statusCode: StatusCodes.Status400BadRequest);
        }
    }

    private static T ParseEnum<T>(string? value, string name)
        where T : struct, Enum =>
        Enum.TryParse(value, ignoreCase: true, out T parsed) && Enum.IsDefined(parsed)
            ? parsed
            : throw new ArgumentException($"{name} must be one of {string.Join(", ", Enum.GetNames<T>())}.");

    private static TimeSpan NonNegative(TimeSpan value, string name) =>
        value >= TimeSpan.Zero ? value : throw new ArgumentException($"{name} must not be negative.");

    private sealed record FaultRequest(
        string? Target, string? Kind, int? Status, JsonElement? RetryAfter, double? DelayMs, double? Fraction, int? Times,
        string? Body = null, string? ContentType = null, long? Bytes = null)
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
            "answer" => new Fault.Answer(Status ?? 200, Body ?? throw new ArgumentException("body is required for kind 'answer'."), ContentType ?? "application/json"),
            "oversized" => new Fault.OversizedBody(Bytes ?? throw new ArgumentException("bytes is required for kind 'oversized'.")),
            "wrongrange" => new Fault.WrongRange(),
            "trickle" => new Fault.Trickle(TimeSpan.FromMilliseconds(DelayMs ?? throw new ArgumentException("delayMs (between bytes) is required for kind 'trickle'."))),
            "stall" => new Fault.StallAfterHeaders(),
            "endless" => new Fault.EndlessBody(),
            _ => throw new ArgumentException("kind must be status, reset, delay, malformed, truncate, answer, oversized, wrongRange, trickle, stall or endless."),
        };
    }

    private sealed record TimingsRequest(
        double? QueuedForMs,
        double? ProcessingForMs,
        double? VideoUrlTtlSeconds,
        double? AIHubMaxResultDelayMs,
        double? AIHubMaxVideoUrlTtlSeconds,
        double? CreateLatencyMs)
    {
        // Everything is checked before anything changes, so a rejected request leaves the options as they were.
        public void ApplyTo(SimulatorOptions options)
        {
            TimeSpan? queued = Milliseconds(QueuedForMs, "queuedForMs");
            TimeSpan? processing = Milliseconds(ProcessingForMs, "processingForMs");
            TimeSpan? resultDelay = Milliseconds(AIHubMaxResultDelayMs, "aiHubMaxResultDelayMs");
            TimeSpan? createLatency = Milliseconds(CreateLatencyMs, "createLatencyMs");
            options.QueuedFor = queued ?? options.QueuedFor;
            options.ProcessingFor = processing ?? options.ProcessingFor;
            options.AIHubMaxResultDelay = resultDelay ?? options.AIHubMaxResultDelay;
            options.CreateLatency = createLatency ?? options.CreateLatency;
            options.VideoUrlTtl = VideoUrlTtlSeconds is double ttl ? TimeSpan.FromSeconds(ttl) : options.VideoUrlTtl;
            options.AIHubMaxVideoUrlTtl = AIHubMaxVideoUrlTtlSeconds is double aiHubMaxTtl ? TimeSpan.FromSeconds(aiHubMaxTtl) : options.AIHubMaxVideoUrlTtl;
        }

        private static TimeSpan? Milliseconds(double? value, string name) =>
            value is double ms ? NonNegative(TimeSpan.FromMilliseconds(ms), name) : null;
    }

    private sealed record OptionsRequest(string? VtrixDialect, string? AIHubMaxResultShape, long? VideoSizeBytes)
    {
        public void ApplyTo(SimulatorOptions options)
        {
            VtrixDialect? dialect = VtrixDialect is null ? null : ParseEnum<VtrixDialect>(VtrixDialect, "vtrixDialect");
            AIHubMaxResultShape? shape = AIHubMaxResultShape is null ? null : ParseEnum<AIHubMaxResultShape>(AIHubMaxResultShape, "aiHubMaxResultShape");
            if (VideoSizeBytes is < 0 or > 0 and < GeneratedVideoStream.MinimumLength)
            {
                throw new ArgumentException($"videoSizeBytes must be 0 (the embedded sample) or at least {GeneratedVideoStream.MinimumLength}.");
            }

            options.VtrixDialect = dialect ?? options.VtrixDialect;
            options.AIHubMaxResultShape = shape ?? options.AIHubMaxResultShape;
            options.VideoSizeBytes = VideoSizeBytes ?? options.VideoSizeBytes;
        }
    }
}
