using System.Diagnostics;
using PsBill.Connector.Credentials;
using PsBill.Sandbox.World;

namespace PsBill.Sandbox.Memory;

/// <summary>
/// How a sandbox world starts <c>psbill run</c> as a child process: the built CLI, the world's settings as environment
/// variables (and nothing PsBill-related of the parent's own environment), the credentials in the CLI's local store file.
/// Shared by the memory benchmark and the crash tests.
/// </summary>
public static class ConnectorLaunch
{
    /// <summary>The built CLI beside the caller's build (same configuration): <c>functions/PsBill.Cli/bin/&lt;configuration&gt;/net10.0/psbill.dll</c>.</summary>
    public static string DllPath
    {
        get
        {
            // <project>/bin/<configuration>/net10.0/ (the sandbox's or the tests'): the repository root is five levels up.
            var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var configuration = output.Parent!.Name;
            var root = output.Parent!.Parent!.Parent!.Parent!.Parent!.FullName;
            return Path.Combine(root, "functions", "PsBill.Cli", "bin", configuration, "net10.0", "psbill.dll");
        }
    }

    /// <summary>
    /// The world's host settings as environment variables (<c>PsBill__Sync__RetryDelay</c>, ...), serving on
    /// <paramref name="url"/>, with its secrets written to the local credential store <paramref name="credentialsPath"/>
    /// (what <c>psbill credentials set</c> writes), never into settings.
    /// </summary>
    public static async Task<Dictionary<string, string>> EnvironmentAsync(SandboxWorld world, Uri url, string credentialsPath, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(url);
        var store = new LocalSecretStore(credentialsPath);
        foreach (var (name, value) in world.Secrets) await store.SetAsync(name, value, cancellationToken).ConfigureAwait(false);
        var environment = world.HostSettings
            .Where(s => s.Value is not null)
            .ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value!, StringComparer.Ordinal);
        environment["PsBill__Standalone__Url"] = url.ToString();
        environment["PsBill__Credentials__Store"] = nameof(SecretStoreKind.Local);
        environment["PsBill__Credentials__LocalPath"] = credentialsPath;
        return environment;
    }

    /// <summary><c>dotnet psbill.dll run</c> with <paramref name="environment"/> only, output redirected.</summary>
    /// <exception cref="InvalidOperationException">The CLI is not built.</exception>
    public static ProcessStartInfo StartInfo(IReadOnlyDictionary<string, string> environment, string workingDirectory)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (!File.Exists(DllPath)) throw new InvalidOperationException($"{DllPath} is missing: build the solution first.");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(DllPath);
        start.ArgumentList.Add("run");
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("PsBill", StringComparison.OrdinalIgnoreCase) || k.StartsWith("AzureWebJobs", StringComparison.OrdinalIgnoreCase)).ToList())
            start.Environment.Remove(key);
        foreach (var (key, value) in environment) start.Environment[key] = value;
        return start;
    }
}
