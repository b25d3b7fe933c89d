using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;

namespace Veo.Simulator;

/// <summary>
/// Out-of-process simulator for Pester tests and demos. Prints one "Listening on ..." line, then runs until stdin
/// closes (so the parent can stop it by closing the pipe) or Ctrl+C/SIGTERM.
/// </summary>
internal static class Program
{
    private const string Usage =
        "usage: Veo.Simulator [--port N] [--queued-ms N] [--processing-ms N] [--create-latency-ms N] [--key K]... [--ignore-stdin]\n" +
        "  --create-latency-ms N  answer every create after N ms\n" +
        "  --key K         accepted API key (repeatable; replaces the default 'sim-key')\n" +
        "  --ignore-stdin  keep running when stdin closes (stop with Ctrl+C/SIGTERM)";

    private static async Task<int> Main(string[] args)
    {
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
