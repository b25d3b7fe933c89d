using System;
using System.Collections.Concurrent;
using System.IO;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Veo.Simulator.Validation;

namespace Veo.Simulator.Hosting;

/// <summary>A file uploaded to the simulator.</summary>
internal sealed record StoredFile(string Id, string FileName, byte[] Content, DateTimeOffset CreatedAt);

/// <summary>
/// Uploaded files, kept in memory and served without auth at /sim/files/{id}/{name} the way a provider's storage
/// bucket serves them, so a client can check what a provider would fetch.
/// </summary>
internal sealed class FileLibrary
{
    public const string PathPrefix = "/sim/files";

    private readonly ConcurrentDictionary<string, StoredFile> _files = new(StringComparer.Ordinal);

    /// <summary>Stores <paramref name="content"/> under a new id; a name with directories keeps only its last part.</summary>
    public StoredFile Add(byte[] content, string fileName, DateTimeOffset at)
    {
        string name = Path.GetFileName(fileName);
        var file = new StoredFile("file_" + RandomIds.LowercaseAlphanumeric(24), name.Length == 0 ? "upload.bin" : name, content, at);
        _files[file.Id] = file;
        return file;
    }

    public static Uri LinkFor(HttpRequest request, StoredFile file) =>
        new($"{ServerLinks.Root(request)}{PathPrefix}/{file.Id}/{Uri.EscapeDataString(file.FileName)}");

    public void Clear() => _files.Clear();

    public void Map(IEndpointRouteBuilder routes)
    {
        routes.MapMethods($"{PathPrefix}/{{fileId}}/{{fileName}}", [HttpMethods.Get, HttpMethods.Head], (string fileId, string fileName) =>
            _files.TryGetValue(fileId, out StoredFile? file) && file.FileName == fileName
                ? Results.File(file.Content, MediaTypes.Sniff(file.Content) ?? MediaTypes.OctetStream)
                : Results.NotFound())
            .AsFaultPoint(FaultTarget.File, status => Results.StatusCode(status));
    }
}
