using PsBill.Cli.Cli;

namespace PsBill.Tests.Settlement;

/// <summary>The settlement commands are in the psbill tree and check their arguments before touching anything.</summary>
public sealed class SettlementCommandLineTests
{
    [Theory]
    [InlineData("settlements export --format csv")]
    [InlineData("settlements export --format journal-import --out /tmp/x.dat --all --dry-run")]
    [InlineData("bill webhook subscribe --url https://psbill.example.test/api/bill/webhook")]
    public void Parse_ValidCommand_NoErrors(string line) =>
        Assert.Empty(PsBillCommandLine.Build().Parse(line).Errors);

    [Theory]
    [InlineData("settlements export --format xml")]
    [InlineData("settlements export")]
    [InlineData("bill webhook subscribe")]
    public void Parse_MissingOrWrongArgument_Error(string line) =>
        Assert.NotEmpty(PsBillCommandLine.Build().Parse(line).Errors);
}
