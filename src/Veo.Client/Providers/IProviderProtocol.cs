using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace Veo.Client;

/// <summary>Which kind of call an answer belongs to, so errors can be worded for it.</summary>
internal enum ApiCall
{
    Create,
    Status,
    Upload,
}

/// <summary>What a protocol's media stage may use: the HTTP client, the connection, the log and the client's upload cache.</summary>
internal sealed record ProviderCall(VeoHttp Http, VeoConnection Connection, IVeoLog Log, UploadCache Uploads);

/// <summary>A create answer: the new task's id and, when the answer says more than the id, its first state.</summary>
internal sealed record CreatedTask(string TaskId, TaskState State);

/// <summary>One provider's wire protocol: its models, request bodies, status answers and error answers.</summary>
internal interface IProviderProtocol
{
    /// <summary>The provider's name in messages.</summary>
    string Name { get; }

    IReadOnlyList<ModelDefinition> Models { get; }

    /// <summary>True when the provider requires <c>Content-Type: application/json</c> on every request, a bodiless GET included.</summary>
    bool JsonContentTypeOnEveryRequest { get; }

    /// <summary>The create request's path, relative to the base URI.</summary>
    string CreatePath(ModelDefinition model);

    /// <summary>
    /// Turns the request's images and video into what the provider takes (see <see cref="MediaStage"/>), after -WhatIf and before the create request:
    /// uploads local files for a URL-only provider, fetches and checks URLs for a bytes-only one.
    /// </summary>
    Task<VideoRequest> ResolveMediaAsync(ProviderCall call, VideoRequest request, CancellationToken cancellationToken);

    /// <summary>Writes the create body for a request that <see cref="RequestRules"/> accepted.</summary>
    void WriteCreateBody(Utf8JsonWriter writer, ModelDefinition model, VideoRequest request, MediaEncoder media);

    CreatedTask ReadCreated(JsonElement createAnswer, DateTimeOffset now);

    /// <summary>The status request's path for a task last seen as <paramref name="last"/>, and an id that <see cref="TaskIds"/> accepts (escaped there).</summary>
    string StatusPath(string taskId, TaskState last, DateTimeOffset now);

    /// <summary>The id a status answer says it is about, when it names one.</summary>
    string? ReadStatusTaskId(JsonElement statusAnswer);

    TaskState ReadStatus(JsonElement statusAnswer, DateTimeOffset now);

    VeoApiException ReadError(ApiCall call, int statusCode, string body);
}
