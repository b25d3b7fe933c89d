using System;
using System.IO;

namespace Veo.Client;

/// <summary>Names and removes the module's own short-lived files (fetched copies of URL images and videos).</summary>
internal static class TemporaryFiles
{
    public static string NewPath(string folder, string purpose) => Path.Combine(folder, $"veo-{purpose}-{Guid.NewGuid():N}.tmp");

    /// <summary>Deletes the file if it is there; a file that cannot be deleted now is left to the system's temp cleanup.</summary>
    public static void Delete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Nothing to tell the user: the copy is in a temp folder and holds only what the URL serves to anyone.
        }
    }
}
