using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;

namespace PsBill.Tests.Infra;

/// <summary>The Bicep CLI restored from NuGet (<c>Azure.Bicep.CommandLine.linux-x64</c>, a PackageDownload of the test
/// project), run offline.</summary>
internal static class BicepCli
{
    public static string RepositoryRoot { get; } = Metadata("RepositoryRoot");

    public static string InfraFolder { get; } = Path.Combine(RepositoryRoot, "infra");

    public static async Task<(int ExitCode, string Output)> RunAsync(params string[] arguments)
    {
        var path = ExecutablePath();
        var start = new ProcessStartInfo(path)
        {
            WorkingDirectory = InfraFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        // Bicep is a .NET app itself: no ICU needed for what it does here, and the machine may not have it.
        start.Environment["DOTNET_SYSTEM_GLOBALIZATION_INVARIANT"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    private static string ExecutablePath()
    {
        if (!OperatingSystem.IsLinux() || RuntimeInformation.OSArchitecture != Architecture.X64)
            throw new PlatformNotSupportedException("The Bicep CLI is restored for linux-x64 only (Azure.Bicep.CommandLine.linux-x64).");
        var path = Metadata("BicepCliPath");
        if (!File.Exists(path)) throw new FileNotFoundException($"Bicep CLI not found at {path}: run 'dotnet restore' on the solution.", path);

        // NuGet does not promise to keep the executable bit when it extracts a package.
        var mode = File.GetUnixFileMode(path);
        if ((mode & UnixFileMode.UserExecute) == 0) File.SetUnixFileMode(path, mode | UnixFileMode.UserExecute);
        return path;
    }

    private static string Metadata(string key) =>
        typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
        ?? throw new InvalidOperationException($"Assembly metadata {key} is missing.");
}
