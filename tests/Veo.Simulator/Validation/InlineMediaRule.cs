using System;
using System.Text.Json;

namespace Veo.Simulator.Validation;

/// <summary>Google's inline media object, exactly <c>{"bytesBase64Encoded", "mimeType"}</c>; the MIME type must match the bytes.</summary>
internal sealed class InlineMediaRule(MediaKind kind) : JsonRule
{
    private const string BytesField = "bytesBase64Encoded";
    private const string MimeTypeField = "mimeType";

    private readonly JsonObjectSchema _shape = new(
    [
        new JsonField(BytesField, new MediaRule(kind, acceptUrl: false, acceptBase64: true), Required: true),
        new JsonField(MimeTypeField, JsonRules.OneOf(kind.MimeTypes), Required: true),
    ]);

    public override string? Check(JsonElement value, string path)
    {
        if (_shape.Validate(value, path) is string problem)
        {
            return problem;
        }

        string? actual = MediaTypes.Sniff(Convert.FromBase64String(value.GetProperty(BytesField).GetString()!));
        return actual == value.GetProperty(MimeTypeField).GetString()
            ? null
            : Invalid($"{path}.{MimeTypeField}", $"does not match the {kind.Noun} data, which is {actual}");
    }
}
