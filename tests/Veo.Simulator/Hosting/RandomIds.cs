using System.Security.Cryptography;

namespace Veo.Simulator.Hosting;

/// <summary>Random parts of provider ids.</summary>
internal static class RandomIds
{
    private const string LowercaseAlphanumerics = "abcdefghijklmnopqrstuvwxyz0123456789";

    public static string LowercaseAlphanumeric(int length) => RandomNumberGenerator.GetString(LowercaseAlphanumerics, length);
}
