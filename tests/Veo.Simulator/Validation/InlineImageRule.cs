using System;
using System.Text.Json;

namespace Veo.Simulator.Validation;

/// <summary>Google's inline image object, exactly <c>{"bytesBase64Encoded", "mimeType"}</c>; the MIME type must match the bytes.</summary>
internal sealed class InlineImageRule : JsonRule
{
    private const string BytesField = "bytesBase64Encoded";
    private const string MimeTypeField = "mimeType";

    private readonly JsonObjectSchema _shape;

    public InlineImageRule(JsonRule base64Image)
    {
        _shape = new JsonObjectSchema(
        [
            new JsonField(BytesField, base64Image, Required: true),
            new JsonField(MimeTypeField, JsonRules.OneOf(MediaTypes.Jpeg, MediaTypes.Png), Required: true),
        ]);
    }

    public override string? Check(JsonElement value, string path)
    {
        if (_shape.Validate(value, path) is string problem)
        {
            return problem;
        }

        string? actual = MediaTypes.Sniff(Convert.FromBase64String(value.GetProperty(BytesField).GetString()!));
        return actual == value.GetProperty(MimeTypeField).GetString()
            ? null
            : Invalid($"{path}.{MimeTypeField}", $"does not match the image data, which is {actual}");
    }
}
