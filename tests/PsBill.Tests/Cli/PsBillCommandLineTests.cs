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

        Assert.Equal(["bill", "credentials", "ops", "peoplesoft", "reconcile", "replay", "run", "settlements", "sync", "vendors"], root.Subcommands.Select(c => c.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Sync_WithoutDryRun_FailsWithUsageError()
    {
        // The cycle itself runs on its schedule; the command only previews it.
        var exit = await PsBillCommandLine.InvokeAsync(["sync"]);

        Assert.NotEqual(0, exit);
    }

    [Fact]
    public void Build_VendorsCommand_HasMatchProposalsConfirmReject()
    {
        var vendors = PsBillCommandLine.Build().Subcommands.Single(c => c.Name == "vendors");

        Assert.Equal(["confirm", "match", "proposals", "reject"], vendors.Subcommands.Select(c => c.Name).Order(StringComparer.Ordinal));
        Assert.Contains(vendors.Subcommands.Single(c => c.Name == "match").Options, o => o.Name == "--apply");
    }

    [Theory]
    [InlineData("reconcile", true)]
    [InlineData("reconcile --as-of 2026-11-24 --format csv", true)]
    [InlineData("reconcile --format json", true)]
    [InlineData("reconcile --format xml", false)]
    public void Parse_Reconcile_AcceptsDateAndTheThreeFormats(string line, bool valid)
    {
        var parse = PsBillCommandLine.Build().Parse(line);

        Assert.Equal(valid, parse.Errors.Count == 0);
    }

    [Theory]
    [InlineData("bill webhook subscribe --url https://psbill.azurewebsites.net/api/bill/webhook", true)]
    [InlineData("bill webhook subscribe --url http://127.0.0.1:7071/api/bill/webhook", true)]
    [InlineData("bill webhook subscribe --url not-a-url", false)]
    [InlineData("bill webhook subscribe --url http://example.com/api/bill/webhook", false)]
    public void Parse_WebhookSubscribeUrl_AcceptsHttpsOrLoopback(string line, bool valid)
    {
        var parse = PsBillCommandLine.Build().Parse(line);

        Assert.Equal(valid, parse.Errors.Count == 0);
        if (valid) Assert.NotNull(parse.GetValue<Uri>("--url"));
    }
}
