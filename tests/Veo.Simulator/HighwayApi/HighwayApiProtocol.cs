using System;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Veo.Simulator.Hosting;
using Veo.Simulator.Tasks;
using Veo.Simulator.Validation;

namespace Veo.Simulator.HighwayApi;

/// <summary>HighwayAPI / JieKou AI: Novita-style POST /v3/async/{endpoint} and GET /v3/async/task-result.</summary>
internal sealed class HighwayApiProtocol : ISimulatedProtocol
{
    private const string Name = "HighwayAPI";

    public void Map(IEndpointRouteBuilder routes, SimulatorContext context)
    {
        RouteGroupBuilder api = routes.MapGroup("/v3/async").RequireApiKey(context.Options, status => status == ApiKeyStatus.Missing
            ? HighwayApiErrors.Error(StatusCodes.Status403Forbidden, HighwayApiErrors.InvalidApiKey, "API key is not provided.")
            : HighwayApiErrors.Error(StatusCodes.Status401Unauthorized, HighwayApiErrors.FailedToAuth, "Authentication failed."));

        api.MapGet("/task-result", (HttpRequest request) => TaskResult(request, context))
            .AsFaultPoint(FaultTarget.Status, HighwayApiErrors.ForStatus);
        api.MapPost("/{endpoint}", (string endpoint, HttpRequest request) => CreateTaskAsync(endpoint, request, context))
            .AsFaultPoint(FaultTarget.Create, HighwayApiErrors.ForStatus);
    }

    private static async Task<IResult> CreateTaskAsync(string endpoint, HttpRequest request, SimulatorContext context)
    {
        if (!HighwayApiSchemas.ByEndpoint.TryGetValue(endpoint, out JsonObjectSchema? schema))
        {
            return HighwayApiErrors.Error(StatusCodes.Status404NotFound, HighwayApiErrors.ModelNotFound, $"Model '{endpoint}' does not exist.");
        }

        using JsonDocument? document = await JsonBody.TryParseAsync(request);
        if (document is null)
        {
            return HighwayApiErrors.InvalidBody("request body is not valid JSON");
        }

        JsonElement body = document.RootElement;
        if (schema.Validate(body) is string problem)
        {
            return HighwayApiErrors.InvalidBody(problem);
        }

        if (ApiKeys.Check(request, context.Options) == ApiKeyStatus.NoBalance)
        {
            return HighwayApiErrors.Error(StatusCodes.Status403Forbidden, HighwayApiErrors.NotEnoughBalance, "Insufficient balance.");
        }

        SimulatedTask task = context.Tasks.Create(
            Name,
            model: endpoint,
            prompt: body.GetProperty("prompt").GetString()!,
            sampleCount: body.Optional("sample_count")?.GetInt32() ?? 1,
            seed: body.Optional("seed")?.GetRawText());
        return Results.Json(new JsonObject { ["task_id"] = task.Id });
    }

    private static IResult TaskResult(HttpRequest request, SimulatorContext context)
    {
        string? taskId = request.Query["task_id"];
        if (string.IsNullOrEmpty(taskId))
        {
            return HighwayApiErrors.InvalidBody("task_id is required");
        }

        SimulatedTask? task = context.Tasks.Find(taskId, Name);
        if (task is null)
        {
            return HighwayApiErrors.Error(StatusCodes.Status404NotFound, HighwayApiErrors.TaskNotFound, $"Task '{taskId}' not found.");
        }

        DateTimeOffset now = context.Clock.GetUtcNow();
        TaskProgress progress = task.ProgressAt(now);
        bool finished = progress.Phase is TaskPhase.Succeeded or TaskPhase.Failed;
        TimeSpan ttl = context.Options.VideoUrlTtl;
        JsonArray videos = progress.Phase == TaskPhase.Succeeded
            ? new JsonArray(Enumerable.Range(0, task.SampleCount).Select(index => (JsonNode?)new JsonObject
            {
                ["video_url"] = VideoLibrary.LinkFor(request, task, index, now + ttl).AbsoluteUri,
                ["video_url_ttl"] = ((long)ttl.TotalSeconds).ToString(CultureInfo.InvariantCulture),
                ["video_type"] = "mp4",
            }).ToArray())
            : new JsonArray();

        return Results.Json(new JsonObject
        {
            ["extra"] = new JsonObject
            {
                ["seed"] = task.Seed ?? string.Empty,
                ["debug_info"] = new JsonObject
                {
                    ["request_info"] = string.Empty,
                    ["submit_time_ms"] = UnixMilliseconds(task.CreatedAt),
                    ["execute_time_ms"] = progress.Phase == TaskPhase.Queued ? "0" : UnixMilliseconds(task.ProcessingStartsAt),
                    ["complete_time_ms"] = finished ? UnixMilliseconds(task.FinishesAt) : "0",
                },
            },
            ["task"] = new JsonObject
            {
                ["task_id"] = task.Id,
                ["status"] = StatusName(progress.Phase),
                ["reason"] = progress.Phase == TaskPhase.Failed ? task.FailureReason : string.Empty,
                ["task_type"] = "video",
                ["eta"] = progress.EtaSeconds,
                ["progress_percent"] = progress.ProgressPercent,
            },
            ["images"] = new JsonArray(),
            ["videos"] = videos,
            ["audios"] = new JsonArray(),
        });
    }

    private static string StatusName(TaskPhase phase) => phase switch
    {
        TaskPhase.Queued => "TASK_STATUS_QUEUED",
        TaskPhase.Processing => "TASK_STATUS_PROCESSING",
        TaskPhase.Succeeded => "TASK_STATUS_SUCCEED",
        TaskPhase.Failed => "TASK_STATUS_FAILED",
        _ => throw new ArgumentOutOfRangeException(nameof(phase)),
    };

    private static string UnixMilliseconds(DateTimeOffset at) => at.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
}
