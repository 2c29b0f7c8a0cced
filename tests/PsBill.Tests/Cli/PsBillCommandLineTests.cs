using PsBill.Cli.Cli;

namespace PsBill.Tests.Cli;

public sealed class PsBillCommandLineTests
{
    [Fact]
    public async Task Replay_WithoutASelector_FailsWithTheRule()
    {
        var exit = await PsBillCommandLine.InvokeAsync(["replay"]);

        Assert.NotEqual(0, exit);
    }

    [Fact]
    public void Build_CommandTree_HasTheDocumentedCommands()
    {
        var root = PsBillCommandLine.Build();

        Assert.Equal(["bill", "credentials", "ops", "replay", "run", "settlements"], root.Subcommands.Select(c => c.Name).Order(StringComparer.Ordinal));
    }
}
