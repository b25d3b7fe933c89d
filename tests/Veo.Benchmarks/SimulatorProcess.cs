using System;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Veo.Simulator;

namespace Veo.Benchmarks;

/// <summary>
/// The provider simulator in its own process (<c>dotnet Veo.Simulator.dll --port 0</c>), so that what it allocates
/// never shows in the memory measured here. Stopped by closing its stdin.
/// </summary>
internal sealed partial class SimulatorProcess : IAsyncDisposable
{
    public const string ApiKey = "sim-key";

    private readonly HttpClient _control;

    private SimulatorProcess(Process process, Uri baseUri)
    {
        Process = process;
        BaseUri = baseUri;
        _control = new HttpClient { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(30) };
    }

    public Process Process { get; }

    public Uri BaseUri { get; }

    public static async Task<SimulatorProcess> StartAsync(string simulatorDll, int queuedMs, int processingMs)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (string argument in new[] { simulatorDll, "--port", "0", "--queued-ms", Invariant(queuedMs), "--processing-ms", Invariant(processingMs) })
        {
            start.ArgumentList.Add(argument);
        }

        Process process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        string? line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
        Match match = ListeningLine().Match(line ?? string.Empty);
        if (!match.Success)
        {
            process.Kill();
            throw new InvalidOperationException($"The simulator did not start ({simulatorDll}): '{line}'");
        }

        return new SimulatorProcess(process, new Uri(match.Groups[1].Value));
    }

    /// <summary>POSTs to /_sim/<paramref name="command"/> (timings, options, reset) and checks the 204.</summary>
    public async Task ControlAsync(string command, object? body = null)
    {
        using HttpResponseMessage response = body is null
            ? await _control.PostAsync($"_sim/{command}", null)
            : await _control.PostAsJsonAsync($"_sim/{command}", body);
        if (response.StatusCode != HttpStatusCode.NoContent)
        {
            throw new InvalidOperationException($"/_sim/{command} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    public Task SetTimingsAsync(double queuedMs, double processingMs) =>
        ControlAsync("timings", new { queuedForMs = queuedMs, processingForMs = processingMs });

    /// <summary>A raw authenticated GET on the simulator's API (a status answer with fields the client does not expose).</summary>
    public async Task<string> GetApiStringAsync(string relative)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, relative);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ApiKey);
        using HttpResponseMessage response = await _control.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Puts a file on the simulator's storage and returns its URL.</summary>
    public Task<Uri> HostFileAsync(string path) => HostedFiles.PutAsync(BaseUri, ApiKey, path);

    public async ValueTask DisposeAsync()
    {
        _control.Dispose();
        try
        {
            Process.StandardInput.Close();
            using var exit = new System.Threading.CancellationTokenSource(TimeSpan.FromSeconds(5));
            await Process.WaitForExitAsync(exit.Token);
        }
        catch (OperationCanceledException)
        {
            Process.Kill();
        }

        Process.Dispose();
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^Listening on (\S+)")]
    private static partial Regex ListeningLine();
}
