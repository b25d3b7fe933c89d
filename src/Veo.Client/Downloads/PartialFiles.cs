using System;
using System.IO;
using System.Text.RegularExpressions;

namespace Veo.Client;

/// <summary>
/// The temporary files downloads write before renaming them into place. Their names are short and fixed-length, so a
/// long target name cannot make them overflow a path; ones left behind by a killed process are removed once old.
/// </summary>
internal static class PartialFiles
{
    /// <summary>A live download writes at least once per idle timeout; one untouched this long is a leftover.</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromHours(1);

    // This module's names, now (.veo-<guid>.partial) and before (.<file name>.<guid>.partial).
    private static readonly Regex OwnName = new(@"^\.(veo-|.+\.)[0-9a-f]{32}\.partial$", RegexOptions.CultureInvariant);

    public static string NewPath(string folder) => Path.Combine(folder, $".veo-{Guid.NewGuid():N}.partial");

    /// <summary>Deletes this module's temporary files in <paramref name="folder"/> that no download has touched for <see cref="StaleAfter"/>.</summary>
    public static void RemoveStale(string folder, IVeoLog log)
    {
        DateTime cutoff = DateTime.UtcNow - StaleAfter;
        try
        {
            foreach (FileInfo file in new DirectoryInfo(folder).EnumerateFiles(".*.partial"))
            {
                if (OwnName.IsMatch(file.Name) && file.LastWriteTimeUtc < cutoff)
                {
                    file.Delete();
                    log.Verbose($"Removed {file.FullName}, left by a download that was stopped at {file.LastWriteTimeUtc:u}.");
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Another process's leftover, or one in use: it does no harm, the download goes on.
            log.Verbose($"Leftover temporary files in {folder} were not all removed: {ex.Message}");
        }
    }

    /// <summary>A write that failed because the volume is full (ENOSPC on Unix, ERROR_DISK_FULL or ERROR_HANDLE_DISK_FULL on Windows).</summary>
    public static bool IsDiskFull(IOException exception) =>
        exception.HResult is 28 or unchecked((int)0x80070070) or unchecked((int)0x80070027);
}
