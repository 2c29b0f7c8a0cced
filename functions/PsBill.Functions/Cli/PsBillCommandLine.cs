using System.CommandLine;

namespace PsBill.Functions.Cli;

/// <summary>The psbill command line. With no arguments under the Functions host (FUNCTIONS_CUSTOMHANDLER_PORT set)
/// it serves the custom-handler protocol.</summary>
public static class PsBillCommandLine
{
    public static async Task<int> InvokeAsync(string[] args)
    {
        var root = new RootCommand("PsBill: PeopleSoft to BILL connector");
        return await root.Parse(args).InvokeAsync();
    }
}
