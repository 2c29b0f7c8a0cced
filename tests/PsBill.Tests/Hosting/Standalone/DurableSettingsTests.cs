using Microsoft.Azure.WebJobs.Extensions.DurableTask;
using PsBill.Cli.Hosting.Standalone;

namespace PsBill.Tests.Hosting.Standalone;

/// <summary>What <c>psbill run</c> hands the Durable extension: the settings host.json gives the worker app in Azure.</summary>
public sealed class DurableSettingsTests
{
    [Fact]
    public void Apply_ByDefault_KeepsSessionsInMemoryForThirtySeconds()
    {
        var options = new DurableTaskOptions();

        DurableSettings.Apply(options, new DurableHostOptions());

        Assert.True(options.ExtendedSessionsEnabled);
        Assert.Equal(30, options.ExtendedSessionIdleTimeoutInSeconds);
        Assert.Equal(OverridableStates.NonRunningStates, options.OverridableExistingInstanceStates);
    }

    [Fact]
    public void Apply_SessionsTurnedOff_LeavesEveryEpisodeToReadItsHistory()
    {
        var options = new DurableTaskOptions();

        DurableSettings.Apply(options, new DurableHostOptions { ExtendedSessions = false, ExtendedSessionIdleTimeout = TimeSpan.FromSeconds(5) });

        Assert.False(options.ExtendedSessionsEnabled);
        Assert.Equal(5, options.ExtendedSessionIdleTimeoutInSeconds);
    }
}
