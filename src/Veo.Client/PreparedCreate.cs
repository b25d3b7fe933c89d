using System;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Veo.Client;

/// <summary>
/// A create request that passed every local check: the model is chosen, defaults are filled in and local images
/// are read and verified. Nothing has been sent; <see cref="Preview"/> shows what would be.
/// </summary>
public sealed class PreparedCreate
{
    internal PreparedCreate(VeoConnection connection, ModelDefinition model, VideoRequest request)
    {
        Connection = connection;
        Model = model;
        Request = request;
    }

    private string? _requestHash;

    public VeoConnection Connection { get; }

    public ModelDefinition Model { get; }

    public VideoRequest Request { get; }

    public Uri Endpoint => Connection.Resolve(Protocol.CreatePath(Model));

    /// <summary>The request body as it would be sent, with each local image shown as a short note instead of its base64.</summary>
    public string Preview
    {
        get
        {
            using var stream = new MemoryStream();
            using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            {
                Protocol.WriteCreateBody(writer, Model, Request, MediaEncoder.Preview);
            }

            return Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length);
        }
    }

    /// <summary>
    /// What an idempotency key remembers of the request: the SHA-256 of the provider, the endpoint and the body, with
    /// each image as its URL or the SHA-256 of its bytes. Anything that would change what is sent changes it.
    /// </summary>
    public string RequestHash => _requestHash ??= ComputeRequestHash();

    /// <summary>
    /// The body to send for <paramref name="request"/> (this request after the protocol's media stage): the JSON,
    /// with images encoded from their files as it is sent.
    /// </summary>
    internal StreamedJsonBody BuildBody(VideoRequest request) =>
        StreamedJsonBody.Write((writer, media) => Protocol.WriteCreateBody(writer, Model, request, media));

    private string ComputeRequestHash()
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteString("provider", Connection.Provider.ToString());
            writer.WriteString("path", CreatePath);
            writer.WritePropertyName("body");
            Protocol.WriteCreateBody(writer, Model, Request, MediaEncoder.Fingerprint);
            writer.WriteEndObject();
        }

        return Hash.Sha256Hex(stream.ToArray());
    }

    internal string CreatePath => Protocol.CreatePath(Model);

    internal IProviderProtocol Protocol => Connection.Info.Protocol;
}
