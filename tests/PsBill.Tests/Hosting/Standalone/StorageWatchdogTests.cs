using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PsBill.Cli.Hosting.Standalone;
using PsBill.Simulators.Azurite;
using PsBill.Tests.Credentials;
using PsBill.Tests.Infrastructure;
using Xunit.Abstractions;

namespace PsBill.Tests.Hosting.Standalone;

/// <summary>
/// <c>psbill run</c> and storage outages: a short one is ridden out, a long one ends the process with exit code 1 (for a
/// supervisor to start it again), never a process that stays alive doing nothing. Each test stops an Azurite of its own.
/// </summary>
public sealed class StorageWatchdogTests(ITestOutputHelper output)
{
    [Fact]
    public async Task RunAsync_StorageGoneForLongerThanTheLimit_StopsWithExitCode1()
    {
        using var folder = new TemporaryFolder();
        await using var azurite = await AzuriteProcess.StartAsync(new AzuriteOptions { Location = folder.File("azurite") });
        await using var host = StandaloneHost.Create(Settings(azurite, limit: "00:00:03"));
        using var stop = new CancellationTokenSource();
        var run = host.RunAsync(stop.Token);
        await WaitUntilServingAsync(host, run);

        await azurite.StopAsync();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var stopped = await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(60)));
        output.WriteLine($"RunAsync ended {clock.Elapsed.TotalSeconds:0.0}s after storage went away");

        Assert.Same(run, stopped);
        Assert.Equal(1, await run);
    }

    [Fact]
    public async Task RunAsync_StorageBackWithinTheLimit_KeepsRunning()
    {
        using var folder = new TemporaryFolder();
        await using var azurite = await AzuriteProcess.StartAsync(new AzuriteOptions { Location = folder.File("azurite") });
        await using var host = StandaloneHost.Create(Settings(azurite, limit: "00:01:00"));
        using var stop = new CancellationTokenSource();
        var run = host.RunAsync(stop.Token);
        await WaitUntilServingAsync(host, run);

        await azurite.StopAsync();
        await Task.Delay(TimeSpan.FromSeconds(3));
        await azurite.RestartAsync();
        await Task.Delay(StorageWatchdog.ProbeInterval * 3);

        Assert.False(run.IsCompleted, "psbill run stopped although storage came back within the limit");
        await stop.CancelAsync();
        Assert.Equal(0, await run);
    }

    private static Microsoft.Extensions.Configuration.IConfiguration Settings(AzuriteProcess azurite, string limit) =>
        TestSettings.For(azurite.ConnectionString, AzuriteFixture.UniquePrefix(),
        [
            new("PsBill:Standalone:RunTimers", "false"),
            new("PsBill:Standalone:StorageOutageLimit", limit),
            new("PsBill:Standalone:ShutdownTimeout", "00:00:05"),
        ]);

    private static async Task WaitUntilServingAsync(StandaloneHost host, Task<int> run)
    {
        var started = host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStarted;
        Assert.True(await Eventually.TrueAsync(() => run.IsCompleted || started.IsCancellationRequested, TimeSpan.FromSeconds(60)), "the host did not start");
        Assert.False(run.IsCompleted, "the host stopped while starting");
    }
}
