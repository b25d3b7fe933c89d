using System;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Veo.Simulator.Hosting;
using Veo.Simulator.Tasks;
using Veo.Simulator.Validation;

namespace Veo.Simulator.Vtrix;

/// <summary>
/// Vtrix: POST /model/v1/generation with the gateway's <c>{"model", "input": [{"params": {…}}]}</c> envelope around
/// camelCase fields, GET /model/v1/generation/task/{id}. Its pages disagree on the task answer, so every answer
/// (the create answer too) follows <see cref="SimulatorOptions.VtrixDialect"/> as it is at that moment.
/// </summary>
internal sealed class VtrixProtocol : ISimulatedProtocol
{
    private const string Name = "Vtrix";
    private const string FailureMessage = "Video generation failed";

    /// <summary>USD per second of video; usage.cost is a string with four decimals.</summary>
    private const decimal CostPerSecond = 0.15m;

    public void Map(IEndpointRouteBuilder routes, SimulatorContext context)
    {
        SimulatorOptions options = context.Options;
        RouteGroupBuilder api = routes.MapGroup("/model/v1/generation")
            .RequireApiKey(options, _ => VtrixErrors.Error(options.VtrixDialect, StatusCodes.Status401Unauthorized, "API key is missing or invalid."));

        api.MapPost(string.Empty, (HttpRequest request) => CreateTaskAsync(request, context))
            .AsFaultPoint(FaultTarget.Create, status => VtrixErrors.ForStatus(options.VtrixDialect, status));
        api.MapGet("/task/{taskId}", (string taskId, HttpRequest request) => TaskStatus(taskId, request, context))
            .AsFaultPoint(FaultTarget.Status, status => VtrixErrors.ForStatus(options.VtrixDialect, status));
    }

    private static async Task<IResult> CreateTaskAsync(HttpRequest request, SimulatorContext context)
    {
        VtrixDialect dialect = context.Options.VtrixDialect;
        using JsonDocument? document = await JsonBody.TryParseAsync(request);
        if (document is null)
        {
            return VtrixErrors.Error(dialect, StatusCodes.Status400BadRequest, "request body is not valid JSON");
        }

        JsonElement body = document.RootElement;
        // A flat body (the model page's fields at the top) is what a gateway that cannot find its input answers for.
        string? problem = body.ValueKind == JsonValueKind.Object && body.Optional("input") is null
            ? "missing required field 'input'"
            : VtrixSchema.Envelope.Validate(body);
        if (problem is null)
        {
            problem = VtrixSchema.Params.Validate(Params(body));
        }

        if (problem is not null)
        {
            return VtrixErrors.Error(dialect, StatusCodes.Status400BadRequest, problem);
        }

        if (ApiKeys.Check(request, context.Options) == ApiKeyStatus.NoBalance)
        {
            return VtrixErrors.ForStatus(dialect, StatusCodes.Status403Forbidden);
        }

        JsonElement parameters = Params(body);
        SimulatedTask task = context.Tasks.Create(
            Name,
            VtrixSchema.ModelId,
            prompt: parameters.GetProperty("prompt").GetString()!,
            durationSeconds: parameters.Optional("durationSeconds")?.GetInt32() ?? 8,
            newId: _ => "task_" + RandomIds.LowercaseAlphanumeric(24));
        var answer = new JsonObject
        {
            ["id"] = task.Id,
            ["status"] = dialect == VtrixDialect.Gateway ? "in_queue" : "pending",
            ["model"] = task.Model,
            ["created_at"] = task.CreatedAt.ToUnixTimeSeconds(),
        };
        return Results.Json(Wrapped(dialect, answer));
    }

    private static JsonElement Params(JsonElement envelope) => envelope.GetProperty("input")[0].GetProperty("params");

    /// <summary>The gateway dialect wraps every task answer in {"data", "status"}.</summary>
    private static JsonObject Wrapped(VtrixDialect dialect, JsonObject task) => dialect == VtrixDialect.Gateway
        ? new JsonObject { ["data"] = task, ["status"] = new JsonObject { ["code"] = 200, ["message"] = "success" } }
        : task;

    private static IResult TaskStatus(string taskId, HttpRequest request, SimulatorContext context)
    {
        VtrixDialect dialect = context.Options.VtrixDialect;
        SimulatedTask? task = context.Tasks.Find(taskId, Name);
        if (task is null)
        {
            return VtrixErrors.Error(dialect, StatusCodes.Status404NotFound, $"Task '{taskId}' not found.");
        }

        DateTimeOffset now = context.Clock.GetUtcNow();
        TaskProgress progress = task.ProgressAt(now);
        string status = StatusName(dialect, progress.Phase);
        bool cli = dialect == VtrixDialect.Cli;
        var answer = new JsonObject
        {
            [cli ? "task_id" : "id"] = task.Id,
            ["status"] = status,
            ["model"] = task.Model,
            ["created_at"] = Timestamp(dialect, task.CreatedAt),
        };

        switch (progress.Phase)
        {
            // Documented as "only present when status is in_progress" (or processing, in the CLI's words).
            case TaskPhase.Queued or TaskPhase.Processing when status is "in_progress" or "processing":
                answer["progress"] = progress.ProgressPercent / 100.0;
                break;
            case TaskPhase.Succeeded:
                if (cli)
                {
                    answer["completed_at"] = Timestamp(dialect, task.FinishesAt);
                }

                string jobId = $"projects/sim/operations/{task.Id}";
                JsonObject video = Video(task, request, now, context.Options, cli);
                if (dialect == VtrixDialect.Gateway)
                {
                    video["jobId"] = jobId;
                    answer["output"] = new JsonArray(video);
                }
                else
                {
                    answer["output"] = new JsonArray(new JsonObject { ["content"] = new JsonArray(video) });
                }

                answer["jobId"] = jobId;
                answer["usage"] = new JsonObject
                {
                    ["cost"] = (CostPerSecond * task.DurationSeconds).ToString("0.0000", CultureInfo.InvariantCulture),
                    ["discount"] = 0,
                    ["input_tokens"] = 0,
                    ["output_tokens"] = 0,
                    ["total_tokens"] = 0,
                };
                answer["metadata"] = new JsonObject();
                break;
            case TaskPhase.Failed:
                answer["error"] = TaskError(dialect);
                break;
        }

        return Results.Json(Wrapped(dialect, answer));
    }

    private static string StatusName(VtrixDialect dialect, TaskPhase phase) => (phase, dialect) switch
    {
        (TaskPhase.Queued, VtrixDialect.Cli) => "pending",
        (TaskPhase.Queued, VtrixDialect.PreviewPage) => "queued",
        (TaskPhase.Queued, VtrixDialect.Gateway) => "in_queue",
        (TaskPhase.Processing, VtrixDialect.Gateway) => "processing",
        (TaskPhase.Succeeded, VtrixDialect.Gateway) => "success",
        (TaskPhase.Queued or TaskPhase.Processing, VtrixDialect.Cli) => "processing",
        (TaskPhase.Queued or TaskPhase.Processing, _) => "in_progress",
        (TaskPhase.Succeeded, _) => "completed",
        _ => "failed",
    };

    /// <summary>Unix seconds on the model pages, ISO 8601 in the CLI's examples.</summary>
    private static JsonNode Timestamp(VtrixDialect dialect, DateTimeOffset at) => dialect == VtrixDialect.Cli
        ? JsonValue.Create(at.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture))
        : JsonValue.Create(at.ToUnixTimeSeconds());

    private static JsonObject Video(SimulatedTask task, HttpRequest request, DateTimeOffset now, SimulatorOptions options, bool cli) => new()
    {
        ["type"] = cli ? "video_url" : "video",
        ["url"] = VideoLibrary.LinkFor(request, task, 0, now + options.VideoUrlTtl).AbsoluteUri,
        // The CLI's struct reads the duration as a string.
        ["duration"] = cli ? JsonValue.Create(task.DurationSeconds.ToString(CultureInfo.InvariantCulture)) : JsonValue.Create(task.DurationSeconds),
    };

    private static JsonNode TaskError(VtrixDialect dialect) => dialect switch
    {
        VtrixDialect.Cli => JsonValue.Create(FailureMessage),
        VtrixDialect.PreviewPage => new JsonObject { ["code"] = "002014001", ["message"] = FailureMessage },
        _ => new JsonObject { ["code"] = 2014001, ["error_message"] = FailureMessage },
    };
}
