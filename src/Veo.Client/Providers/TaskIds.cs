using System;
using System.Linq;
using System.Text;

namespace Veo.Client;

/// <summary>
/// Task ids come from providers (or users) and are data, never paths: every adapter checks them here and escapes
/// them here as one URL path segment, so an id such as <c>..</c> cannot turn a status request into another request.
/// </summary>
internal static class TaskIds
{
    /// <summary>Provider ids are GUIDs or short tokens; far longer than this is not an id.</summary>
    public const int MaxLength = 128;

    /// <summary>Why <paramref name="id"/> cannot be a task id, or null when it can.</summary>
    public static string? Problem(string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return "it is empty";
        }

        if (id!.Length > MaxLength)
        {
            return $"it is {id.Length} characters long (at most {MaxLength})";
        }

        if (id.All(c => c == '.'))
        {
            return "it is made of dots only";
        }

        if (id.Any(c => char.IsControl(c) || c == '\uFEFF'))
        {
            return "it contains a control character";
        }

        return HasUnpairedSurrogate(id) ? "it is not valid Unicode text" : null;
    }

    /// <summary>The id, or InvalidTaskId naming what is wrong (ids users typed or the ledger holds).</summary>
    public static string Require(string id)
    {
        if (Problem(id) is string problem)
        {
            throw new VeoException(VeoErrorIds.InvalidTaskId, VeoErrorKind.InvalidArgument,
                $"'{Printable(id)}' is not a task id: {problem}. Give the id exactly as New-Veo*Video or the provider showed it.") { Target = id };
        }

        return id;
    }

    /// <summary>The id as one path segment: escaped so that no character of it can end the segment or climb out of it.</summary>
    public static string PathSegment(string id) => Uri.EscapeDataString(Require(id));

    /// <summary>The id as a query value.</summary>
    public static string QueryValue(string id) => Uri.EscapeDataString(Require(id));

    private static bool HasUnpairedSurrogate(string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Text from a provider made safe to print: control characters (a terminal's escape sequences) shown as \uXXXX.</summary>
    public static string Printable(string? text)
    {
        if (text is null)
        {
            return "(null)";
        }

        if (!text.Any(char.IsControl))
        {
            return text.Length <= MaxLength ? text : text.Substring(0, MaxLength) + "…";
        }

        var printable = new StringBuilder(text.Length + 16);
        foreach (char c in text.Take(MaxLength))
        {
            printable.Append(char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString());
        }

        return text.Length <= MaxLength ? printable.ToString() : printable + "…";
    }
}
