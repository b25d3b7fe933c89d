using System;
using System.Buffers.Text;
using System.IO;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Veo.Simulator.Hosting;
using Veo.Simulator.Validation;

namespace Veo.Simulator.AIHubMax;

/// <summary>
/// AIHubMax's file uploads (providers.md §2.1): POST /v1/files/upload/base64 (raw base64 or a data URL) and
/// /v1/files/upload/stream (multipart field "file"), both answering {id, filename, url, size, created}. Besides images
/// they take the MP4s that extension needs as a video_url; files are served with the type their bytes sniff as.
/// </summary>
internal static class AIHubMaxUploads
{
    private const string DefaultFileName = "upload.bin";

    private static readonly JsonObjectSchema Base64Body = new(
    [
        new JsonField("file_data", JsonRules.AnyString, Required: true),
        new JsonField("file_name", JsonRules.AnyString),
        new JsonField("auto_cleanup", JsonRules.Boolean),
    ]);

    public static void Map(RouteGroupBuilder api, SimulatorContext context)
    {
        api.MapPost("/files/upload/base64", (HttpRequest request) => UploadBase64Async(request, context))
            .AsFaultPoint(FaultTarget.Upload, AIHubMaxErrors.ForStatus);
        api.MapPost("/files/upload/stream", (HttpRequest request) => UploadStreamAsync(request, context))
            .AsFaultPoint(FaultTarget.Upload, AIHubMaxErrors.ForStatus);
    }

    private static async Task<IResult> UploadBase64Async(HttpRequest request, SimulatorContext context)
    {
        using JsonDocument? document = await JsonBody.TryParseAsync(request);
        if (document is null)
        {
            return AIHubMaxErrors.BadRequest("request body is not valid JSON");
        }

        JsonElement body = document.RootElement;
        if (Base64Body.Validate(body) is string problem)
        {
            return AIHubMaxErrors.Validation(AIHubMaxErrors.InvalidParameters, problem);
        }

        string data = body.GetProperty("file_data").GetString()!;
        string? mediaType = null;
        if (data.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
        {
            // data:[<media type>][;base64],<data>
            int comma = data.IndexOf(',', StringComparison.Ordinal);
            string header = comma < 0 ? string.Empty : data[5..comma];
            if (!header.EndsWith(";base64", StringComparison.OrdinalIgnoreCase))
            {
                return AIHubMaxErrors.BadRequest("file_data is a data URL without base64 content");
            }

            mediaType = header[..^";base64".Length];
            data = data[(comma + 1)..];
        }

        if (!Base64.IsValid(data, out int length))
        {
            return AIHubMaxErrors.BadRequest("file_data is not valid base64");
        }

        string? name = body.Optional("file_name")?.GetString();
        byte[] content = length == 0 ? [] : Convert.FromBase64String(data);
        if (MediaTypes.Sniff(content) == MediaTypes.Mp4)
        {
            // Documented for images: a clip belongs on the multipart stream endpoint.
            return AIHubMaxErrors.Validation("invalid_file_type", "upload/base64 takes images; upload videos to /v1/files/upload/stream");
        }

        return Store(request, context, content, name ?? NameFor(mediaType));
    }

    private static async Task<IResult> UploadStreamAsync(HttpRequest request, SimulatorContext context)
    {
        if (!request.HasFormContentType)
        {
            return AIHubMaxErrors.BadRequest("request body must be multipart/form-data");
        }

        IFormCollection form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
        if (form.Files.GetFile("file") is not IFormFile file)
        {
            return AIHubMaxErrors.Validation(AIHubMaxErrors.InvalidParameters, "missing required field 'file'");
        }

        using var content = new MemoryStream();
        await file.CopyToAsync(content, request.HttpContext.RequestAborted);
        string? name = form["file_name"];
        return Store(request, context, content.ToArray(), string.IsNullOrEmpty(name) ? file.FileName : name);
    }

    private static IResult Store(HttpRequest request, SimulatorContext context, byte[] content, string fileName)
    {
        if (content.Length == 0)
        {
            return AIHubMaxErrors.BadRequest("the file is empty");
        }

        StoredFile file = context.Files.Add(content, fileName, context.Clock.GetUtcNow());
        return Results.Json(new JsonObject
        {
            ["id"] = file.Id,
            ["filename"] = file.FileName,
            ["url"] = FileLibrary.LinkFor(request, file).AbsoluteUri,
            ["size"] = file.Content.Length,
            ["created"] = file.CreatedAt.ToUnixTimeSeconds(),
        });
    }

    /// <summary>Without a file name, the provider names the file after the data URL's media type, or upload.bin.</summary>
    private static string NameFor(string? mediaType) => mediaType?.ToLowerInvariant() switch
    {
        MediaTypes.Jpeg => "upload.jpg",
        MediaTypes.Png => "upload.png",
        "image/webp" => "upload.webp",
        "image/gif" => "upload.gif",
        MediaTypes.Mp4 => "upload.mp4",
        _ => DefaultFileName,
    };
}
