using System.Security.Cryptography;
using System.Text;

namespace Veo.Client;

/// <summary>SHA-256 as lowercase hex, for request fingerprints.</summary>
internal static class Hash
{
    public static string Sha256Hex(byte[] bytes)
    {
        using var sha = SHA256.Create();
        byte[] digest = sha.ComputeHash(bytes);
        var hex = new StringBuilder(digest.Length * 2);
        foreach (byte b in digest)
        {
            hex.Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
        }

        return hex.ToString();
    }
}
