using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Threading;

namespace Veo.Client;

/// <summary>A task as the ledger remembers it: enough to find it again. Never the key.</summary>
public sealed record LedgerEntry(
    string TaskId, VeoProvider Provider, Uri BaseUri, string? Model, VeoMode? Mode, string? Prompt, DateTimeOffset CreatedAt);

/// <summary>
/// Every created task, one JSON line each, in a per-user file (<c>$env:VEO_HOME</c> overrides the folder). A task
/// is paid for the moment it is created, so it is written down before the create call returns. Several processes
/// may append at once: each append holds an exclusive lock on the file.
/// </summary>
public sealed class TaskLedger
{
    public const string FileName = "tasks.jsonl";

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public TaskLedger(string folder)
    {
        Folder = folder;
    }

    /// <summary>The ledger of this user: <c>$env:VEO_HOME</c>, else the local application-data folder's Veo folder.</summary>
    public static TaskLedger ForCurrentUser() => new(DefaultFolder());

    public string Folder { get; }

    public string FilePath => Path.Combine(Folder, FileName);

    public void Record(VeoTask task) => Append(new LedgerEntry(
        task.TaskId, task.Provider, task.BaseUri, task.Model, task.Mode, task.Prompt, task.CreatedAt ?? DateTimeOffset.UtcNow));

    public void Append(LedgerEntry entry)
    {
        Directory.CreateDirectory(Folder);
        byte[] line = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(entry, JsonOptions) + "\n");
        using FileStream file = OpenLocked(FileMode.Append, FileAccess.Write);
        file.Write(line, 0, line.Length);
    }

    /// <summary>All entries, oldest first. Lines that cannot be read are skipped and reported through <paramref name="skipped"/>.</summary>
    public IReadOnlyList<LedgerEntry> ReadAll(Action<string>? skipped = null)
    {
        if (!File.Exists(FilePath))
        {
            return Array.Empty<LedgerEntry>();
        }

        string text;
        using (FileStream file = OpenLocked(FileMode.Open, FileAccess.Read))
        using (var reader = new StreamReader(file, Encoding.UTF8))
        {
            text = reader.ReadToEnd();
        }

        var entries = new List<LedgerEntry>();
        string[] lines = text.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            if (lines[i].Trim().Length == 0)
            {
                continue;
            }

            LedgerEntry? entry = TryParse(lines[i]);
            if (entry is null)
            {
                skipped?.Invoke($"Line {i + 1} of the task ledger {FilePath} cannot be read and was skipped.");
                continue;
            }

            entries.Add(entry);
        }

        return entries;
    }

    /// <summary>The newest entry for a task id, if the ledger has one.</summary>
    public LedgerEntry? Find(string taskId, Action<string>? skipped = null) =>
        ReadAll(skipped).LastOrDefault(e => string.Equals(e.TaskId, taskId, StringComparison.Ordinal));

    private static LedgerEntry? TryParse(string line)
    {
        try
        {
            LedgerEntry? entry = JsonSerializer.Deserialize<LedgerEntry>(line, JsonOptions);
            return entry is { TaskId: not null, BaseUri: not null } ? entry : null;
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>Opens the file exclusively, waiting while another process holds it (an append takes microseconds).</summary>
    private FileStream OpenLocked(FileMode mode, FileAccess access)
    {
        for (int attempt = 0; ; attempt++)
        {
            try
            {
                return new FileStream(FilePath, mode, access, FileShare.None);
            }
            catch (IOException) when (attempt < 200 && File.Exists(FilePath))
            {
                Thread.Sleep(10 + attempt % 10);
            }
        }
    }

    private static string DefaultFolder()
    {
        string? home = Environment.GetEnvironmentVariable("VEO_HOME");
        if (!string.IsNullOrWhiteSpace(home))
        {
            return home!;
        }

        string data = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
        if (string.IsNullOrEmpty(data))
        {
            data = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
        }

        return Path.Combine(data, "Veo");
    }
}
