using System.CommandLine;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PsBill.Cli.Cli.Reconciliation;
using PsBill.Connector.Reconciliation.Scheduled;
using PsBill.Tests.Hosting;
using PsBill.Tests.Infrastructure;
using PsBill.Tests.Reconciliation;

namespace PsBill.Tests.Cli.Reconciliation;

/// <summary><c>psbill reconcile --latest</c> over the stored tie-outs on Azurite: storage is all it needs.</summary>
public sealed class ReconcileCommandTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task Latest_NewestFailed_PrintsTheNewestMadeReportSaysWhyAndExitsOneForTheUnexplainedLine()
    {
        var prefix = AzuriteFixture.UniquePrefix();
        await using (var services = await TestServices.CreateAsync(azurite, prefix))
            await StoredTieOuts.SeedAsync(services.GetRequiredService<TieOutStore>(), TimeProvider.System.GetUtcNow(), thenFail: true);

        var (exit, output, error) = await RunAsync(prefix, "reconcile", "--latest", "--format", "json");

        Assert.Equal(1, exit);
        var report = JsonNode.Parse(output)!;
        Assert.Equal(1, (int)report["unexplained"]!);
        Assert.Equal(StoredTieOuts.UnexplainedVoucher, (string)report["lines"]![1]!["voucherKey"]!);
        Assert.Contains("could not be made: PeopleSoft could not be read: 503", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Latest_NoneStored_SaysSoAndExitsOne()
    {
        var (exit, output, error) = await RunAsync(AzuriteFixture.UniquePrefix(), "reconcile", "--latest");

        Assert.Equal(1, exit);
        Assert.Empty(output);
        Assert.Contains("No tie-out is stored", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_LatestWithAsOf_IsRefused()
    {
        var parse = new RootCommand { ReconcileCommand.Create() }.Parse(["reconcile", "--latest", "--as-of", "2026-11-24"]);

        Assert.Contains(parse.Errors, e => e.Message.Contains("--latest", StringComparison.Ordinal));
    }

    private async Task<(int Exit, string Output, string Error)> RunAsync(string prefix, params string[] args)
    {
        var configuration = TestSettings.For(azurite, prefix, [new("PsBill:Credentials:Store", "Memory")]);
        var root = new RootCommand { ReconcileCommand.Create(() => configuration) };
        var (output, error) = (new StringWriter(), new StringWriter());
        var exit = await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }
}
