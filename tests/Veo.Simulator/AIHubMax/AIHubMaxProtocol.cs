using System;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Veo.Simulator.Hosting;
using Veo.Simulator.Tasks;
using Veo.Simulator.Validation;

namespace Veo.Simulator.AIHubMax;

/// <summary>
/// AIHubMax, an EvoLink-style unified task API: POST /v1/videos/generations with the model in the body, GET
/// /v1/tasks/{id}, and file uploads that turn local images into the public URLs its models need.
/// </summary>
internal sealed class AIHubMaxProtocol : ISimulatedProtocol
{
    private const string Name = "AIHubMax";
    private const string TaskObject = "video.generation.task";

    /// <summary>What the gateway reports while a finished task's result is not attached yet.</summary>
    private const int EarlyCompletedProgress = 97;

    public void Map(IEndpointRouteBuilder routes, SimulatorContext context)
    {
        RouteGroupBuilder api = routes.MapGroup("/v1").RequireApiKey(context.Options, status => AIHubMaxErrors.Error(
            StatusCodes.Status401Unauthorized,
            "authentication_error",
            "invalid_api_key",
            status == ApiKeyStatus.Missing ? "Missing API key: send Authorization: Bearer sk-..." : "Invalid API key."));

        api.MapPost("/videos/generations", (HttpRequest request) => CreateTaskAsync(request, context))
            .AsFaultPoint(FaultTarget.Create, AIHubMaxErrors.ForStatus);
        api.MapGet("/tasks/{taskId}", (string taskId, HttpRequest request) => TaskStatus(taskId, request, context))
            .AsFaultPoint(FaultTarget.Status, AIHubMaxErrors.ForStatus);
        AIHubMaxUploads.Map(api, context);
    }

    private static async Task<IResult> CreateTaskAsync(HttpRequest request, SimulatorContext context)
    {
        using JsonDocument? document = await JsonBody.TryParseAsync(request);
        if (document?.RootElement is not { ValueKind: JsonValueKind.Object } body)
        {
            return AIHubMaxErrors.BadRequest("request body must be a JSON object");
        }

        if (body.Optional("model") is not { ValueKind: JsonValueKind.String } modelValue)
        {
            return AIHubMaxErrors.Validation(AIHubMaxErrors.InvalidParameters, "missing required field 'model'");
        }

        string model = modelValue.GetString()!;
        if (!AIHubMaxSchemas.ByModel.TryGetValue(model, out JsonObjectSchema? schema))
        {
            return AIHubMaxErrors.Validation(AIHubMaxErrors.ModelNotFound, $"Model '{model}' is not available for this key.");
        }

        if (schema.Diagnose(body) is SchemaProblem problem)
        {
            return AIHubMaxErrors.Validation(problem.Code ?? AIHubMaxErrors.InvalidParameters, problem.Message);
        }

        if (ApiKeys.Check(request, context.Options) == ApiKeyStatus.NoBalance)
        {
            return AIHubMaxErrors.Error(StatusCodes.Status402PaymentRequired, "insufficient_quota", "insufficient_quota", "Insufficient balance for this request.");
        }

        SimulatedTask task = context.Tasks.Create(
            Name,
            model,
            prompt: body.GetProperty("prompt").GetString()!,
            seed: body.Optional("seed")?.GetRawText(),
            durationSeconds: body.Optional("duration")?.GetInt32() ?? 8,
            resultDelay: context.Options.AIHubMaxResultDelay,
            newId: at => $"task-unified-{at.ToUnixTimeSeconds()}-{RandomIds.LowercaseAlphanumeric(8)}");
        return Results.Json(new JsonObject
        {
            ["created"] = task.CreatedAt.ToUnixTimeSeconds(),
            ["id"] = task.Id,
            ["model"] = task.Model,
            ["object"] = TaskObject,
            ["progress"] = 0,
            ["status"] = "pending",
            ["task_info"] = TaskInfo(task, canCancel: true, task.ProgressAt(task.CreatedAt).EtaSeconds),
            ["type"] = "video",
            ["usage"] = new JsonObject { ["billing_rule"] = "per_call", ["credits_reserved"] = 25.7, ["user_group"] = "default" },
        });
    }

    private static IResult TaskStatus(string taskId, HttpRequest request, SimulatorContext context)
    {
        SimulatedTask? task = context.Tasks.Find(taskId, Name);
        if (task is null)
        {
            return AIHubMaxErrors.Error(StatusCodes.Status404NotFound, "not_found", "task_not_found", $"Task '{taskId}' not found.");
        }

        DateTimeOffset now = context.Clock.GetUtcNow();
        TaskProgress progress = task.ProgressAt(now);
        if (progress.Phase is TaskPhase.Succeeded or TaskPhase.Failed && context.Options.AIHubMaxStaleWithoutSync &&
            !string.Equals(request.Query["sync_upstream"], "true", StringComparison.OrdinalIgnoreCase))
        {
            // The gateway's copy is not refreshed from upstream: the task looks stuck just before its end.
            progress = new TaskProgress(TaskPhase.Processing, EarlyCompletedProgress, 0);
        }

        (string Status, int Percent, JsonNode? Results, JsonNode? Error) state = progress.Phase switch
        {
            TaskPhase.Queued => ("pending", 0, null, null),
            TaskPhase.Processing => ("processing", Math.Min(progress.ProgressPercent, EarlyCompletedProgress), null, null),
            // The gateway flips to completed before it attaches the link.
            TaskPhase.Succeeded when now < task.ResultAttachedAt => ("completed", EarlyCompletedProgress, null, null),
            TaskPhase.Succeeded => ("completed", 100, new JsonArray(ResultItem(task, request, now, context.Options)), null),
            _ => ("failed", 0, null, new JsonObject
            {
                ["code"] = "content_policy_violation",
                ["message"] = "Content policy violation. Your request was blocked by safety filters.",
                ["type"] = "task_error",
            }),
        };

        return Results.Json(new JsonObject
        {
            ["id"] = task.Id,
            ["object"] = TaskObject,
            ["created"] = task.CreatedAt.ToUnixTimeSeconds(),
            ["model"] = task.Model,
            ["status"] = state.Status,
            ["progress"] = state.Percent,
            ["type"] = "video",
            ["task_info"] = TaskInfo(task, canCancel: progress.Phase is TaskPhase.Queued or TaskPhase.Processing, progress.EtaSeconds),
            ["results"] = state.Results,
            ["error"] = state.Error,
        });
    }

    private static JsonObject TaskInfo(SimulatedTask task, bool canCancel, int etaSeconds) => new()
    {
        ["can_cancel"] = canCancel,
        ["estimated_time"] = etaSeconds,
        ["video_duration"] = task.DurationSeconds,
    };

    /// <summary>The one result, as a URL string or as {"url"}: AIHubMax's sources show both.</summary>
    private static JsonNode ResultItem(SimulatedTask task, HttpRequest request, DateTimeOffset now, SimulatorOptions options)
    {
        string url = VideoLibrary.LinkFor(request, task, 0, now + options.AIHubMaxVideoUrlTtl).AbsoluteUri;
        bool asObject = options.AIHubMaxResultShape switch
        {
            AIHubMaxResultShape.Url => false,
            AIHubMaxResultShape.Object => true,
            _ => task.Sequence % 2 == 0,
        };
        return asObject ? new JsonObject { ["url"] = url } : JsonValue.Create(url);
    }
}
