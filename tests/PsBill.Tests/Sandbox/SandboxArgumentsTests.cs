using PsBill.Sandbox;
using PsBill.Sandbox.World;

namespace PsBill.Tests.Sandbox;

public sealed class SandboxArgumentsTests
{
    [Fact]
    public void Parse_EveryOption_Read()
    {
        var parsed = SandboxArguments.Parse(["--suppliers", "2000", "--vouchers", "10000", "--bill-latency-ms", "100", "--faults", "chaos", "--report", "r.json", "--preexisting", "12"]);

        Assert.Equal(2000, parsed.Settings.Suppliers);
        Assert.Equal(10000, parsed.Settings.Vouchers);
        Assert.Equal(TimeSpan.FromMilliseconds(100), parsed.Settings.BillLatency);
        Assert.Equal(FaultMode.Chaos, parsed.Settings.Faults);
        Assert.Equal("r.json", parsed.ReportPath);
        Assert.Equal(12, parsed.Settings.Preexisting);
    }

    [Fact]
    public void Parse_NoOptions_Defaults()
    {
        var parsed = SandboxArguments.Parse([]);

        Assert.Equal(50, parsed.Settings.Suppliers);
        Assert.Equal(300, parsed.Settings.Vouchers);
        Assert.Equal(FaultMode.None, parsed.Settings.Faults);
        Assert.Equal(0, parsed.Settings.Preexisting);
        Assert.Null(parsed.ReportPath);
        Assert.False(parsed.Keep);
    }

    [Fact]
    public void Parse_Keep_KeepsTheWorld() => Assert.True(SandboxArguments.Parse(["--keep"]).Keep);

    [Fact]
    public void Parse_ConnectorProcess_OnlyWithAPlainFirstLoad()
    {
        Assert.True(SandboxArguments.Parse(["--first-load", "--connector-process"]).ConnectorProcess);
        Assert.False(SandboxArguments.Parse(["--first-load"]).ConnectorProcess);
        // It measures the connector's own memory in a first load: nothing else is run or reported that way.
        foreach (string[] args in new[] { new[] { "--connector-process" }, ["--first-load", "--connector-process", "--keep"], ["--first-load", "--connector-process", "--faults", "chaos"] })
            Assert.Contains("--connector-process", Assert.Throws<ArgumentException>(() => SandboxArguments.Parse(args)).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--faults", "some")]
    [InlineData("--vouchers", "-1")]
    [InlineData("--suppliers", "0")]
    [InlineData("--colour", "red")]
    public void Parse_BadOption_FailsNamingIt(string option, string value) =>
        Assert.Contains(option, Assert.Throws<ArgumentException>(() => SandboxArguments.Parse([option, value])).Message);
}
