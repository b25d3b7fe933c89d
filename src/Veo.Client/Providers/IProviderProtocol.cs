using System;
using System.Collections.Generic;
using System.Text.Json;

namespace Veo.Client;

/// <summary>Which kind of call an answer belongs to, so errors can be worded for it.</summary>
internal enum ApiCall
{
    Create,
    Status,
}

/// <summary>Writes an image as a JSON value: the real content, or a short description for -WhatIf and debug output.</summary>
internal delegate void ImageValueWriter(Utf8JsonWriter writer, ImageInput image);

/// <summary>One provider's wire protocol: its models, request bodies, status answers and error answers.</summary>
internal interface IProviderProtocol
{
    IReadOnlyList<ModelDefinition> Models { get; }

    /// <summary>The create request's path, relative to the base URI.</summary>
    string CreatePath(ModelDefinition model);

    /// <summary>Writes the create body for a request that <see cref="RequestRules"/> accepted.</summary>
    void WriteCreateBody(Utf8JsonWriter writer, ModelDefinition model, VideoRequest request, ImageValueWriter writeImage);

    string ReadTaskId(JsonElement createAnswer);

    string StatusPath(string taskId);

    TaskState ReadStatus(JsonElement statusAnswer, DateTimeOffset now);

    VeoApiException ReadError(ApiCall call, int statusCode, string body);
}
