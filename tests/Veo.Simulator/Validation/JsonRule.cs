using System.Text.Json;

namespace Veo.Simulator.Validation;

/// <summary>A check of one JSON value found at <c>path</c>.</summary>
internal abstract class JsonRule
{
    /// <summary>Returns a message naming <paramref name="path"/> when the value is unacceptable, otherwise null.</summary>
    public abstract string? Check(JsonElement value, string path);

    protected static string Invalid(string path, string expectation) => $"invalid value for '{path}': {expectation}";
}
