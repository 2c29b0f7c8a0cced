using System.CommandLine;
using PsBill.Functions.AppRoot;

namespace PsBill.Functions.Cli;

/// <summary><c>psbill functions generate --out DIR</c>: the deployable app root from the function declarations.</summary>
internal static class FunctionsCommand
{
    public static Command Create()
    {
        var output = new Option<DirectoryInfo>("--out") { Description = "Folder to write host.json and the function folders into", Required = true };
        var generate = new Command("generate", "Write host.json and {Function}/function.json for every function") { output };
        generate.SetAction(parse =>
        {
            var directory = parse.GetRequiredValue(output);
            foreach (var file in AppRootGenerator.Generate(directory.FullName)) Console.WriteLine(file);
            return 0;
        });
        return new Command("functions", "The function app's declarations") { generate };
    }
}
