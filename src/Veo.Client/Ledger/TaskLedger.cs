using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Threading;

namespace Veo.Client;

/// <summary>
/// A task as the ledger remembers it: enough to find it again. Never the key. <paramref name="Intent"/> pairs the task
/// with the line written before its create request was sent; a line with an intent and no task id is that earlier line
/// (<paramref name="NotCreated"/> when the provider refused the request).
/// </summary>
public sealed record LedgerEntry(
    string TaskId, VeoProvider Provider, Uri BaseUri, string? Model, VeoMode? Mode, string? Prompt, DateTimeOffset CreatedAt,
    string? Intent = null, bool? NotCreated = null)
{
    /// <summary>True for a create request that was sent and never named its task: a task may exist and be billed.</summary>
    internal bool IsIntent => TaskId is null && Intent is not null;
}

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

    /// <summary>How long a read or an append waits for another process's lock before it reports the ledger as locked.</summary>
    public TimeSpan LockWait { get; init; } = TimeSpan.FromSeconds(10);

    public void Record(VeoTask task, string? intent = null) => Append(new LedgerEntry(
        task.TaskId, task.Provider, task.BaseUri, task.Model, task.Mode, task.Prompt, task.CreatedAt ?? DateTimeOffset.UtcNow, intent));

    /// <summary>Written before a create request is sent: until a task line with the same intent follows, a task may exist unseen.</summary>
    internal void RecordIntent(string intent, VeoConnection connection, TaskDetails details) =>
        Append(IntentEntry(intent, connection, details, null));

    /// <summary>Written when the provider refused the create: the intent made no task.</summary>
    internal void RecordNotCreated(string intent, VeoConnection connection, TaskDetails details) =>
        Append(IntentEntry(intent, connection, details, true));

    private static LedgerEntry IntentEntry(string intent, VeoConnection connection, TaskDetails details, bool? notCreated) =>
        new(null!, connection.Provider, connection.BaseUri, details.Model, details.Mode, details.Prompt,
            details.CreatedAt ?? DateTimeOffset.UtcNow, intent, notCreated);

    public void Append(LedgerEntry entry)
    {
        Directory.CreateDirectory(Folder);
        byte[] line = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(entry, JsonOptions) + "\n");
        using FileStream file = OpenLocked(FileMode.Append, FileAccess.Write);
        file.Write(line, 0, line.Length);
    }

    /// <summary>All task entries, oldest first. Each line that cannot be used is skipped and reported through <paramref name="skipped"/>.</summary>
    public IReadOnlyList<LedgerEntry> ReadAll(Action<string>? skipped = null) => ReadLines(skipped).Where(e => !e.IsIntent).ToArray();

    /// <summary>
    /// Tasks and create requests that were sent but never named a task (interrupted, or answered unreadably), oldest
    /// first: the entries whose <see cref="LedgerEntry.TaskId"/> is null may be tasks the provider bills.
    /// </summary>
    public IReadOnlyList<LedgerEntry> ReadWithUnanswered(Action<string>? skipped = null)
    {
        IReadOnlyList<LedgerEntry> lines = ReadLines(skipped);
        var answered = new HashSet<string>(lines.Where(e => e.Intent is not null && (!e.IsIntent || e.NotCreated == true)).Select(e => e.Intent!));
        return lines.Where(e => !e.IsIntent || !answered.Contains(e.Intent!)).ToArray();
    }

    private IReadOnlyList<LedgerEntry> ReadLines(Action<string>? skipped)
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

            LedgerEntry? entry = TryParse(lines[i], out string? problem);
            if (entry is null)
            {
                skipped?.Invoke($"Line {i + 1} of the task ledger {FilePath} {problem} and was skipped.");
                continue;
            }

            entries.Add(entry);
        }

        return entries;
    }

    /// <summary>The newest entry for a task id, if the ledger has one.</summary>
    public LedgerEntry? Find(string taskId, Action<string>? skipped = null) =>
        ReadAll(skipped).LastOrDefault(e => string.Equals(e.TaskId, taskId, StringComparison.Ordinal));

    /// <summary>The entry of one line, or null with what is wrong with it (every field a later call would trust is checked).</summary>
    private static LedgerEntry? TryParse(string line, out string? problem)
    {
        LedgerEntry? entry;
        try
        {
            entry = JsonSerializer.Deserialize<LedgerEntry>(line, JsonOptions);
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or ArgumentException or InvalidOperationException)
        {
            entry = null;
        }

        problem = entry switch
        {
            null or { BaseUri: null } or { TaskId: null, Intent: null } => "cannot be read",
            _ when VeoConnection.BaseUriProblem(entry.BaseUri) is string bad => $"has an unusable base address '{entry.BaseUri}' ({bad})",
            { TaskId: string id } when TaskIds.Problem(id) is string bad => $"has an unusable task id '{TaskIds.Printable(id)}' ({bad})",
            _ => null,
        };
        return problem is null ? entry : null;
    }

    /// <summary>
    /// Opens the file exclusively, waiting while another process holds it (an append takes microseconds), at most
    /// <see cref="LockWait"/>: then LedgerLocked says which file is held.
    /// </summary>
    private FileStream OpenLocked(FileMode mode, FileAccess access)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        for (int attempt = 0; ; attempt++)
        {
            try
            {
                return new FileStream(FilePath, mode, access, FileShare.None);
            }
            catch (IOException ex) when (File.Exists(FilePath) && ex is not FileNotFoundException and not DirectoryNotFoundException)
            {
                if (waited.Elapsed >= LockWait)
                {
                    throw new VeoException(VeoErrorIds.LedgerLocked, VeoErrorKind.ResourceUnavailable,
                        $"The task ledger {FilePath} is held by another process and stayed locked for {LockWait.TotalSeconds:0.#} s ({ex.Message}). " +
                        "Close the program that holds it (an editor, a sync tool), then run the command again.", ex) { Target = FilePath };
                }

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
