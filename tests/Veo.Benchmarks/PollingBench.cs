using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Veo.Client;
using Veo.Simulator.Tasks;

namespace Veo.Benchmarks;

/// <summary>
/// Part 2: how soon a finished task is seen and how many status requests that costs. Simulated time: the loop of
/// VeoClient.WaitAsync is replayed on a virtual clock with the product's own PollSchedule.Next and HighwayAPI status
/// parser, against the simulator's own task timeline (SimulatedTask.ProgressAt: eta = seconds left, rounded up),
/// for thousands of tasks of 90–130 s. A short real-time run of the real client against the simulator checks the model.
/// </summary>
internal static class PollingBench
{
    private const double TargetDelaySeconds = 2;
    private const int TargetRequests = 15;

    private static readonly DateTimeOffset Epoch = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>How long to wait before the next status request, given what the last one said.</summary>
    private delegate TimeSpan Schedule(TaskState state, int pollsSoFar, VeoClientOptions options);

    /// <summary>The eta a status answer carries, given the task and the server's clock.</summary>
    private delegate int EtaModel(SimulatedTask task, DateTimeOffset now, TaskProgress progress);

    public static async Task RunAsync(BenchOptions options, Report report)
    {
        int count = options.Quick ? 300 : 5000;
        var random = new Random(20251121);
        TaskSpec[] specs = Enumerable.Range(0, count).Select(_ => new TaskSpec(
            TotalSeconds: 90 + (random.NextDouble() * 40),
            QueuedSeconds: random.NextDouble() * 5,
            RoundTripSeconds: 0.1 + (random.NextDouble() * 0.2))).ToArray();

        var schedules = new (string Name, Schedule Next)[]
        {
            ("PollSchedule (ours, eta-driven)", PollSchedule.Next),
            ("fixed 5 s", Fixed(5)),
            ("fixed 10 s", Fixed(10)),
            ("fixed 20 s", Fixed(20)),
        };
        EtaModel simulatorEta = (_, _, progress) => progress.EtaSeconds;
        EtaModel nominalEta = (task, now, progress) => progress.Phase is TaskPhase.Succeeded or TaskPhase.Failed
            ? 0
            : Math.Max(0, (int)Math.Ceiling((task.CreatedAt.AddSeconds(110) - now).TotalSeconds));

        var table = new StringBuilder();
        table.AppendLine($"{count} simulated tasks of 90–130 s (uniform; 0–5 s of it queued), 100–300 ms round trips, the client's default options " +
                         "(MinPollInterval 1 s, MaxPollInterval 15 s, DefaultPollInterval 5 s). Each fixed interval is counted from the previous answer, as WaitAsync does.");
        table.AppendLine();
        table.AppendLine(Report.Line("Eta in the status answers", "Schedule", "Requests/task: mean", "p95", "max", "Completion→seen: mean", "p95", "max"));
        table.AppendLine("|---|---|---|---|---|---|---|---|");
        Outcome ours = default;
        foreach ((string etaName, EtaModel eta) in new[] { ("simulator's (exact seconds left)", simulatorEta), ("fixed 110 s estimate (info)", nominalEta) })
        {
            // The fixed intervals ignore the eta: they are listed once.
            foreach ((string name, Schedule next) in ReferenceEquals(eta, simulatorEta) ? schedules : schedules[..1])
            {
                Outcome[] outcomes = specs.Select(spec => Simulate(next, eta, spec)).ToArray();
                Outcome summary = Outcome.Summarize(outcomes);
                if (ReferenceEquals(eta, simulatorEta) && name.StartsWith("PollSchedule", StringComparison.Ordinal))
                {
                    ours = summary;
                }

                table.AppendLine(Report.Line(etaName, name,
                    Stat.F(summary.Requests, "0.0"), Stat.F(summary.RequestsP95, "0"), Stat.F(summary.RequestsMax, "0"),
                    Stat.Seconds(summary.Delay), Stat.Seconds(summary.DelayP95), Stat.Seconds(summary.DelayMax)));
                Console.WriteLine($"   {etaName}, {name}: {Stat.F(summary.Requests, "0.0")} requests (max {summary.RequestsMax}), delay {Stat.Seconds(summary.Delay)} (max {Stat.Seconds(summary.DelayMax)})");
            }
        }

        table.AppendLine();
        table.AppendLine("The second block is informational: a provider whose eta is a fixed estimate rather than the time actually left. " +
                         "Our schedule trusts the eta, so a task that ends early is seen late, and one that runs late (eta 0 while still running) falls back to the 5 s default interval. " +
                         "The fixed intervals do not read the eta, so their rows above hold for any provider.");
        report.AddSection("Poll schedule trade-off (simulated time)", table.ToString());

        report.Add(new ResultRow("2 Polling",
            $"completion→seen delay, PollSchedule, {count} simulated tasks of 90–130 s (mean; p95 {Stat.Seconds(ours.DelayP95)}, max {Stat.Seconds(ours.DelayMax)})",
            $"≤ {Stat.F(TargetDelaySeconds, "0")} s",
            Stat.Seconds(ours.Delay),
            $"{Stat.Times(ours.Delay / TargetDelaySeconds)} limit",
            ours.Delay <= TargetDelaySeconds,
            ours.Delay <= TargetDelaySeconds ? null : "the schedule waits too long near the end; see the trade-off table"));
        report.Add(new ResultRow("2 Polling",
            $"status requests per task, same tasks (max; mean {Stat.F(ours.Requests, "0.0")}, p95 {Stat.F(ours.RequestsP95, "0")})",
            $"≤ {TargetRequests}",
            Stat.F(ours.RequestsMax, "0"),
            $"{Stat.Times(ours.RequestsMax / (double)TargetRequests)} limit",
            ours.RequestsMax <= TargetRequests,
            ours.RequestsMax <= TargetRequests ? null : "the schedule polls too often; see the trade-off table"));

        await CheckModelAsync(options, report);
    }

    /// <summary>Replays VeoClient.WaitAsync for one task on a virtual clock.</summary>
    private static Outcome Simulate(Schedule next, EtaModel eta, TaskSpec spec)
    {
        TimeSpan halfTrip = TimeSpan.FromSeconds(spec.RoundTripSeconds / 2);
        var task = new SimulatedTask("sim-task", "HighwayAPI", 1, "veo-3.1-fast-generate-img2video", "benchmark", 1, null, 8, Epoch,
            TimeSpan.FromSeconds(spec.QueuedSeconds), TimeSpan.FromSeconds(spec.TotalSeconds - spec.QueuedSeconds), TimeSpan.Zero, null);
        var options = new VeoClientOptions();

        // CreateAsync: the task exists at Epoch on the server; the client has the answer half a round trip later.
        DateTimeOffset clientNow = Epoch + halfTrip;
        TaskState state = TaskState.Created(clientNow);
        int polls = 0;
        while (state.Status is not (VeoTaskStatus.Succeeded or VeoTaskStatus.Failed))
        {
            TimeSpan delay = next(state, polls, options) - (clientNow - state.RetrievedAt);
            if (delay > TimeSpan.Zero)
            {
                clientNow += delay;
            }

            DateTimeOffset serverNow = clientNow + halfTrip;
            using JsonDocument answer = JsonDocument.Parse(StatusAnswer(task, serverNow, eta));
            clientNow = serverNow + halfTrip;
            state = HighwayApiProtocol.Instance.ReadStatus(answer.RootElement, clientNow);
            if (++polls > 10_000)
            {
                throw new InvalidOperationException("The simulated wait does not end.");
            }
        }

        return new Outcome(polls, (clientNow - task.FinishesAt).TotalSeconds, polls, polls, 0, 0);
    }

    /// <summary>The fields of the simulator's HighwayAPI task-result answer that the client reads.</summary>
    private static string StatusAnswer(SimulatedTask task, DateTimeOffset now, EtaModel eta)
    {
        TaskProgress progress = task.ProgressAt(now);
        string status = progress.Phase switch
        {
            TaskPhase.Queued => "TASK_STATUS_QUEUED",
            TaskPhase.Processing => "TASK_STATUS_PROCESSING",
            TaskPhase.Succeeded => "TASK_STATUS_SUCCEED",
            _ => "TASK_STATUS_FAILED",
        };
        string videos = progress.Phase == TaskPhase.Succeeded
            ? "[{\"video_url\":\"https://storage.example/sim-task/0.mp4\",\"video_url_ttl\":\"3600\",\"video_type\":\"mp4\"}]"
            : "[]";
        return string.Create(CultureInfo.InvariantCulture,
            $"{{\"task\":{{\"task_id\":\"{task.Id}\",\"status\":\"{status}\",\"reason\":\"\",\"eta\":{eta(task, now, progress)},\"progress_percent\":{progress.ProgressPercent}}},\"videos\":{videos}}}");
    }

    private static Schedule Fixed(double seconds) => (_, _, _) => TimeSpan.FromSeconds(seconds);

    /// <summary>
    /// A few real tasks of 9–13 s (not whole seconds) through the real client and simulator, in real time, next to the model's
    /// prediction for the same timings: the simulation is only worth its numbers if they agree.
    /// </summary>
    private static async Task CheckModelAsync(BenchOptions options, Report report)
    {
        // With 1 s first polls and waits of 0.6 × a whole-second eta, polls fall on a 0.2 s grid; these durations keep
        // every poll at least 0.2 s from a whole-second eta boundary, where a millisecond of jitter decides the eta
        // (in the model as in reality) and would make the comparison a coin toss for that task.
        double[] durations = options.Quick ? [6.4] : [9.6, 10.2, 10.8, 11.4, 12.7];
        const double QueuedSeconds = 0.5;
        await using SimulatorProcess sim = await SimulatorProcess.StartAsync(options.SimulatorDll, queuedMs: 0, processingMs: 0);
        var client = new VeoClient();
        VeoConnection connection = VeoConnections.Create(VeoProvider.HighwayApi, sim.BaseUri, ApiKey.FromPlainText(SimulatorProcess.ApiKey, "benchmark"));
        PreparedCreate prepared = client.Prepare(connection, Requests.FirstFrameFromUrl());
        await client.WaitAsync(await client.CreateAsync(prepared, CancellationToken.None), null, null, CancellationToken.None);

        var created = new List<(VeoTask Task, DateTimeOffset At)>();
        foreach (double seconds in durations)
        {
            await sim.SetTimingsAsync(QueuedSeconds * 1000, (seconds - QueuedSeconds) * 1000);
            VeoTask task = await client.CreateAsync(prepared, CancellationToken.None);
            created.Add((task, DateTimeOffset.UtcNow));
        }

        var real = await Task.WhenAll(created.Select(async c =>
        {
            int polls = 0;
            await client.WaitAsync(c.Task, TimeSpan.FromMinutes(2), _ => polls++, CancellationToken.None);
            return (c.Task, c.At, Polls: polls, SeenAt: DateTimeOffset.UtcNow);
        }));

        var model = new List<Outcome>();
        var measured = new List<Outcome>();
        foreach ((VeoTask task, DateTimeOffset createdAt, int polls, DateTimeOffset seenAt) in real)
        {
            using JsonDocument answer = JsonDocument.Parse(await sim.GetApiStringAsync($"v3/async/task-result?task_id={task.TaskId}"));
            JsonElement debug = answer.RootElement.GetProperty("extra").GetProperty("debug_info");
            DateTimeOffset submitted = DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(debug.GetProperty("submit_time_ms").GetString()!, CultureInfo.InvariantCulture));
            DateTimeOffset completed = DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(debug.GetProperty("complete_time_ms").GetString()!, CultureInfo.InvariantCulture));
            measured.Add(new Outcome(polls, (seenAt - completed).TotalSeconds, polls, polls, 0, 0));
            double roundTrip = Math.Max(0.002, 2 * (createdAt - submitted).TotalSeconds);
            model.Add(Simulate(PollSchedule.Next, (_, _, p) => p.EtaSeconds, new TaskSpec((completed - submitted).TotalSeconds, QueuedSeconds, roundTrip)));
        }

        Outcome r = Outcome.Summarize(measured);
        Outcome m = Outcome.Summarize(model);
        bool agree = Math.Abs(r.Requests - m.Requests) <= 1 && Math.Abs(r.Delay - m.Delay) <= 0.3;
        Console.WriteLine("   real-time check: " + string.Join("; ", measured.Zip(model, (a, b) =>
            $"{a.RequestsMax} vs {b.RequestsMax} requests, {Stat.Seconds(a.Delay)} vs {Stat.Seconds(b.Delay)}")));
        report.Add(new ResultRow("2 Polling",
            $"model check: {durations.Length} real task(s) of {string.Join("/", durations.Select(d => Stat.F(d, "0.#")))} s, real client + simulator in real time, vs the model for the same timings",
            "agree within 1 request and 0.3 s (means)",
            $"real {Stat.F(r.Requests, "0.0")} requests, {Stat.Seconds(r.Delay)} delay; model {Stat.F(m.Requests, "0.0")} requests, {Stat.Seconds(m.Delay)}",
            $"Δ {Stat.F(r.Requests - m.Requests, "+0.0;-0.0;0")} requests, {Stat.F(r.Delay - m.Delay, "+0.00;-0.00;0")} s",
            agree,
            agree ? null : "the simulation does not reproduce the real wait loop; its numbers above are suspect"));
    }

    private readonly record struct TaskSpec(double TotalSeconds, double QueuedSeconds, double RoundTripSeconds);

    private readonly record struct Outcome(double Requests, double Delay, double RequestsP95, int RequestsMax, double DelayP95, double DelayMax)
    {
        public static Outcome Summarize(IReadOnlyCollection<Outcome> outcomes) => new(
            outcomes.Average(o => o.Requests),
            outcomes.Average(o => o.Delay),
            Stat.Percentile(outcomes.Select(o => o.Requests), 95),
            outcomes.Max(o => o.RequestsMax),
            Stat.Percentile(outcomes.Select(o => o.Delay), 95),
            outcomes.Max(o => o.Delay));
    }
}
