using System.Globalization;
using PsBill.Sandbox.World;

namespace PsBill.Sandbox;

/// <summary><c>./sandbox.sh [--suppliers N] [--vouchers N] [--bill-latency-ms L] [--faults none|chaos] [--report FILE] [--seed N] [--preexisting N] [--keep] [--bench] [--first-load [--connector-process]]</c>.</summary>
/// <param name="Settings">The world's settings.</param>
/// <param name="ReportPath">Where the JSON report goes, if anywhere.</param>
/// <param name="Keep">Leave the world running after the cycle (the ops page).</param>
/// <param name="Bench">Print the benchmark table after the summary (<c>./bench.sh</c>).</param>
/// <param name="FirstLoad">Only the first load (reference data, suppliers, vouchers): no payment phase.</param>
/// <param name="ConnectorProcess">The first load with the connector in a process of its own (<c>psbill run</c>), for the
/// connector's own peak memory (<see cref="Memory.ConnectorProcessBench"/>).</param>
public sealed record SandboxArguments(SandboxSettings Settings, string? ReportPath, bool Keep = false, bool Bench = false, bool FirstLoad = false, bool ConnectorProcess = false)
{
    /// <summary>The usage line.</summary>
    public const string Usage = "usage: ./sandbox.sh [--suppliers N] [--vouchers N] [--bill-latency-ms L] [--faults none|chaos] [--report FILE] [--seed N] [--preexisting N] [--keep] [--bench] [--first-load [--connector-process]]";

    /// <summary>Parses the arguments.</summary>
    /// <exception cref="ArgumentException">An unknown option or a bad value (the message says which).</exception>
    public static SandboxArguments Parse(IReadOnlyList<string> args)
    {
        var settings = new SandboxSettings();
        string? report = null;
        var keep = false;
        var bench = false;
        var firstLoad = false;
        var connectorProcess = false;
        for (var i = 0; i < args.Count; i++)
        {
            var option = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{option} needs a value.");
            switch (option)
            {
                case "--suppliers": settings = settings with { Suppliers = Count(option, Value(), 1) }; break;
                case "--vouchers": settings = settings with { Vouchers = Count(option, Value(), 0) }; break;
                case "--bill-latency-ms": settings = settings with { BillLatency = TimeSpan.FromMilliseconds(Count(option, Value(), 0)) }; break;
                case "--preexisting": settings = settings with { Preexisting = Count(option, Value(), 0) }; break;
                case "--seed": settings = settings with { Seed = Count(option, Value(), 0) }; break;
                case "--report": report = Value(); break;
                case "--keep": keep = true; break;
                case "--bench": bench = true; break;
                case "--first-load": firstLoad = true; break;
                case "--connector-process": connectorProcess = true; break;
                case "--set":
                    // Any connector setting for this run (configuration key with ':'), e.g. --set PsBill:Sync:PollChunkSize=1000.
                    var pair = Value();
                    var equals = pair.IndexOf('=', StringComparison.Ordinal);
                    if (equals <= 0) throw new ArgumentException($"--set takes KEY=VALUE, not '{pair}'.");
                    settings = settings with { Settings = new Dictionary<string, string?>(settings.Settings) { [pair[..equals]] = pair[(equals + 1)..] } };
                    break;
                case "--faults":
                    settings = settings with
                    {
                        Faults = Value() switch
                        {
                            "none" => FaultMode.None,
                            "chaos" => FaultMode.Chaos,
                            var other => throw new ArgumentException($"--faults takes none or chaos, not '{other}'."),
                        },
                    };
                    break;
                default: throw new ArgumentException($"Unknown option '{option}'.");
            }
        }
        if (connectorProcess && (!firstLoad || keep || report is not null || settings.Faults != FaultMode.None))
            throw new ArgumentException("--connector-process measures a first load only: use it with --first-load, without --keep, --report or --faults.");
        return new SandboxArguments(settings, report, keep, bench, firstLoad, connectorProcess);
    }

    private static int Count(string option, string text, int min) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min
            ? value
            : throw new ArgumentException($"{option} takes a whole number of at least {min}, not '{text}'.");
}
