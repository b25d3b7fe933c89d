using System.IO;
using System.Security.Cryptography;
using System.Text;

namespace Veo.Client;

/// <summary>SHA-256 as lowercase hex, for request fingerprints.</summary>
internal static class Hash
{
    public static string Sha256Hex(byte[] bytes)
    {
        using var sha = SHA256.Create();
        return Hex(sha.ComputeHash(bytes));
    }

    /// <summary>The hash of a stream's content, read to its end (a large image is never held in memory whole).</summary>
    public static string Sha256Hex(Stream content)
    {
        using var sha = SHA256.Create();
        return Hex(sha.ComputeHash(content));
    }

    private static string Hex(byte[] digest)
    {
        var hex = new StringBuilder(digest.Length * 2);
        foreach (byte b in digest)
        {
            hex.Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
        }

        return hex.ToString();
    }
}
