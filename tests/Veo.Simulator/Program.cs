using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;

namespace Veo.Simulator;

/// <summary>
/// Out-of-process simulator for Pester tests, demos and trying the module by hand. Prints a "Listening on ..." line
/// first (what callers parse), then how to connect; runs until stdin closes (so the parent can stop it by closing the
/// pipe) or Ctrl+C/SIGTERM.
/// </summary>
internal static class Program
{
    private const string Usage =
        "usage: dotnet Veo.Simulator.dll [--port N] [--task-seconds N] [--queued-ms N] [--processing-ms N] [--create-latency-ms N] [--key K]... [--ignore-stdin]\n" +
        "\n" +
        "A provider simulator on 127.0.0.1: HighwayAPI (and JieKou), AIHubMax, Vtrix and Google at the same address, no network, no cost.\n" +
        "\n" +
        "  --port N           TCP port on 127.0.0.1 (0, the default, picks a free one)\n" +
        "  --task-seconds N   how long each task processes, in seconds (default 1; try 30 to watch progress or press Ctrl+C)\n" +
        "  --processing-ms N  the same in milliseconds\n" +
        "  --queued-ms N      how long each task is queued first, in milliseconds (default 200)\n" +
        "  --create-latency-ms N  answer every create after N ms\n" +
        "  --key K            accepted API key (repeatable; replaces the default 'sim-key'); 'sim-broke' has no balance\n" +
        "  --ignore-stdin     keep running when stdin closes (stop with Ctrl+C/SIGTERM)\n" +
        "  -h, --help         show this help\n" +
        "\n" +
        "Prompt markers (anywhere in a prompt):\n" +
        "  [sim:fail]         the task fails, as a provider's safety filter would make it\n" +
        "  [sim:seconds=N]    this task processes for N seconds\n" +
        "\n" +
        "It prints 'Listening on <address>' first, then how to connect. It stops when stdin closes, or on Ctrl+C/SIGTERM.";

    private static async Task<int> Main(string[] args)
    {
        if (args.Any(a => a is "-h" or "--help" or "-?"))
        {
            await Console.Out.WriteLineAsync(Usage);
            return 0;
        }

        SimulatorOptions options;
        bool stopOnEndOfInput;
        try
        {
            (options, stopOnEndOfInput) = ParseArguments(args);
        }
        catch (ArgumentException e)
        {
            await Console.Error.WriteLineAsync(e.Message + "\n" + Usage);
            return 2;
        }

        using var stop = new CancellationTokenSource();
        Action<PosixSignalContext> onSignal = signal =>
        {
            signal.Cancel = true;
            stop.Cancel();
        };
        using PosixSignalRegistration interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, onSignal);
        using PosixSignalRegistration terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, onSignal);

        await using SimulatorServer server = await SimulatorServer.StartAsync(options, stop.Token);
        await Console.Out.WriteLineAsync($"Listening on {server.BaseUri}");
        await Console.Out.WriteLineAsync(
            $"API key: {string.Join(" or ", options.ValidKeys)}. Tasks take {options.QueuedFor.TotalSeconds:0.#} s queued, then {options.ProcessingFor.TotalSeconds:0.#} s processing.\n" +
            $"Connect with: Connect-Veo -Provider HighwayApi -BaseUri {server.BaseUri} -ApiKey {options.ValidKeys.First()}   (or AIHubMax, Vtrix, Google: same address)\n" +
            "Prompt markers: [sim:fail] fails the task, [sim:seconds=N] makes it take N seconds. --help lists the options.");
        await Console.Out.FlushAsync();

        Task endOfInput = stopOnEndOfInput ? WaitForEndOfInputAsync() : Task.Delay(Timeout.Infinite);
        await Task.WhenAny(endOfInput, Task.Delay(Timeout.Infinite, stop.Token));
        return 0;
    }

    private static Task WaitForEndOfInputAsync() => Task.Run(async () =>
    {
        await using Stream input = Console.OpenStandardInput();
        byte[] buffer = new byte[256];
        while (await input.ReadAsync(buffer) > 0)
        {
        }
    });

    private static (SimulatorOptions Options, bool StopOnEndOfInput) ParseArguments(IReadOnlyList<string> args)
    {
        var options = new SimulatorOptions();
        bool stopOnEndOfInput = true;
        bool keysGiven = false;
        for (int i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--port":
                    options.Port = ParseInteger(args, ref i);
                    break;
                case "--queued-ms":
                    options.QueuedFor = TimeSpan.FromMilliseconds(ParseInteger(args, ref i));
                    break;
                case "--processing-ms":
                    options.ProcessingFor = TimeSpan.FromMilliseconds(ParseInteger(args, ref i));
                    break;
                case "--create-latency-ms":
                    options.CreateLatency = TimeSpan.FromMilliseconds(ParseInteger(args, ref i));
                    break;
                case "--task-seconds":
                    options.ProcessingFor = TimeSpan.FromSeconds(ParseInteger(args, ref i));
                    break;
                case "--key":
                    if (!keysGiven)
                    {
                        options.ValidKeys.Clear();
                        keysGiven = true;
                    }

                    options.ValidKeys.Add(ValueOf(args, ref i));
                    break;
                case "--ignore-stdin":
                    stopOnEndOfInput = false;
                    break;
                default:
                    throw new ArgumentException($"Unknown argument '{args[i]}'.");
            }
        }

        return (options, stopOnEndOfInput);
    }

    private static string ValueOf(IReadOnlyList<string> args, ref int i) =>
        ++i < args.Count ? args[i] : throw new ArgumentException($"{args[i - 1]} needs a value.");

    private static int ParseInteger(IReadOnlyList<string> args, ref int i)
    {
        string value = ValueOf(args, ref i);
        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int number)
            ? number
            : throw new ArgumentException($"{args[i - 1]} needs a non-negative integer, got '{value}'.");
    }
}
