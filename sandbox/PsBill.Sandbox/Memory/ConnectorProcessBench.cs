using System.Globalization;
using PsBill.Connector.Credentials;
using PsBill.Sandbox.Phases;
using PsBill.Sandbox.World;
using PsBill.Simulators.Network;
using PsBill.Workflows;

namespace PsBill.Sandbox.Memory;

/// <summary>
/// <c>./bench.sh --first-load --connector-process</c>: the first load with the connector in a process of its own
/// (<c>psbill run</c>, configured through its environment, credentials in the CLI's local store, flows started through its ops
/// API as an operator would), so the peak memory printed is the connector's alone: Azurite is its own process, and the
/// simulators and their whole world stay in the sandbox's. Prints seconds per flow, what BILL holds, and both peaks.
/// </summary>
public static class ConnectorProcessBench
{
    private static readonly string[] Flows = [FunctionNames.SyncReferenceData, FunctionNames.PollSuppliers, FunctionNames.PollVouchers];

    /// <summary>0 when BILL holds no duplicate and every flow completed; 1 on a duplicate; 2 when the run broke.</summary>
    public static async Task<int> RunAsync(SandboxArguments arguments, TextWriter output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(output);
        var progress = new SandboxProgress(output);
        var settings = arguments.Settings with { InProcessHost = false };
        progress.Line(string.Create(CultureInfo.InvariantCulture,
            $"starting Azurite, simulated PeopleSoft ({settings.Suppliers} suppliers, {settings.Vouchers} vouchers) and BILL (latency {settings.BillLatency.TotalMilliseconds} ms); the connector in a process of its own"));
        var folder = Directory.CreateTempSubdirectory("psbill-bench-");
        try
        {
            await using var world = await SandboxWorld.StartAsync(settings, cancellationToken: cancellationToken).ConfigureAwait(false);
            var url = new Uri($"http://127.0.0.1:{LoopbackPort.Pick()}");
            var environment = await ConnectorLaunch.EnvironmentAsync(world, url, Path.Combine(folder.FullName, "credentials.bin"), cancellationToken).ConfigureAwait(false);
            var logPath = Path.Combine(Path.GetTempPath(), $"psbill-bench-{settings.StoragePrefix}.log");
            await using var connector = new HostProcess(environment, folder.FullName, url, logPath);
            await connector.StartAsync(TimeSpan.FromMinutes(2)).ConfigureAwait(false);
            using var ops = new OpsClient(url, world.Secrets[SecretNames.AdminKey]);
            progress.Line($"started (connector log: {logPath})");

            var seconds = new List<(string Flow, double Seconds)>();
            var started = progress.Elapsed;
            foreach (var flow in Flows)
            {
                var began = progress.Elapsed;
                await ops.StartFlowAsync(flow).ConfigureAwait(false);
                while (await ops.FlowStatusAsync(flow).ConfigureAwait(false) is var status && status != "Completed")
                {
                    if (status is "Failed" or "Terminated" || !connector.IsRunning) throw new InvalidOperationException($"{flow} {status ?? "unanswered"}; see {logPath}");
                    if (progress.Elapsed - began > SandboxPhases.DrainTimeout) throw new TimeoutException($"{flow} is still {status ?? "unanswered"} after {SandboxPhases.DrainTimeout}.");
                    progress.BillFigures($"{flow}: running | connector peak {connector.PeakMegabytes()} MB", world.Bill.GetFigures);
                    await Task.Delay(500, cancellationToken).ConfigureAwait(false);
                }
                seconds.Add((flow, (progress.Elapsed - began).TotalSeconds));
                progress.Line($"{flow}: done");
            }

            var bill = world.Bill.GetFigures();
            var c = CultureInfo.InvariantCulture;
            output.WriteLine();
            output.WriteLine(string.Create(c, $"Benchmark    first load, connector in its own process: {settings.Suppliers} suppliers, {settings.Vouchers} vouchers, BILL latency {settings.BillLatency.TotalMilliseconds} ms, {Environment.ProcessorCount} cores, {TimeProvider.System.GetUtcNow():yyyy-MM-dd}"));
            foreach (var (flow, s) in seconds) output.WriteLine(string.Create(c, $"  {flow,-20} {s,6:0.0} s"));
            output.WriteLine(string.Create(c, $"  first load           {(progress.Elapsed - started).TotalSeconds,6:0.0} s  ({bill.Vendors + bill.Bills} records created: {bill.Vendors} vendors, {bill.Bills} bills)"));
            output.WriteLine($"BILL         {bill.Calls} calls (max {bill.MaxConcurrentCalls} at once); duplicates: {bill.DuplicateVendors} vendors, {bill.DuplicateBills} bills");
            output.WriteLine($"Peak memory  {connector.PeakMegabytes()} MB the connector (psbill run); {SandboxPeakMegabytes()} MB the sandbox (both simulators and their data)");
            progress.Line("stopping");
            return bill.DuplicateVendors + bill.DuplicateBills == 0 ? 0 : 1;
        }
        catch (Exception ex) when (ex is InvalidOperationException or TimeoutException)
        {
            output.WriteLine($"Result       FAILED: {ex.Message}");
            return 2;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static long SandboxPeakMegabytes()
    {
        using var self = System.Diagnostics.Process.GetCurrentProcess();
        return self.PeakWorkingSet64 / (1024 * 1024);
    }
}
