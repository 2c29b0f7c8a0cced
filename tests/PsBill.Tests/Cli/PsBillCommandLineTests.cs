using PsBill.Functions.Cli;

namespace PsBill.Tests.Cli;

public sealed class PsBillCommandLineTests
{
    [Fact]
    public async Task FunctionsGenerate_OutFolder_WritesHostJsonAndEveryFunctionJson()
    {
        var directory = Path.Combine(Path.GetTempPath(), "psbill-cli-" + Guid.NewGuid().ToString("N"));
        try
        {
            var exit = await PsBillCommandLine.InvokeAsync(["functions", "generate", "--out", directory]);

            Assert.Equal(0, exit);
            Assert.True(File.Exists(Path.Combine(directory, "host.json")));
            Assert.Equal(7, Directory.GetFiles(directory, "function.json", SearchOption.AllDirectories).Length);
        }
        finally
        {
            if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task FunctionsGenerate_WithoutOut_FailsWithUsageError()
    {
        var exit = await PsBillCommandLine.InvokeAsync(["functions", "generate"]);

        Assert.NotEqual(0, exit);
    }

    [Fact]
    public void Build_CommandTree_HasTheDocumentedCommands()
    {
        var root = PsBillCommandLine.Build();

        Assert.Equal(["bill", "credentials", "functions", "ops", "peoplesoft", "replay", "run", "serve", "settlements"], root.Subcommands.Select(c => c.Name).Order(StringComparer.Ordinal));
    }
}
