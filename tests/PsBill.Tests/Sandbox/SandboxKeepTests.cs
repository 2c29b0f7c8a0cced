using System.Net;
using System.Text.RegularExpressions;
using PsBill.Sandbox;
using PsBill.Sandbox.World;
using PsBill.Tests.Infrastructure;

namespace PsBill.Tests.Sandbox;

/// <summary><c>./sandbox.sh --keep</c>: after the cycle the world keeps running, the page's URL and the key file are printed (the
/// key itself is not), the page answers, and a cancel stops it all and removes the key file.</summary>
public sealed partial class SandboxKeepTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task RunAsync_Keep_PrintsThePageAndTheKeyFileThenStopsOnCancel()
    {
        var settings = new SandboxSettings { Suppliers = 5, Vouchers = 12, StorageConnectionString = azurite.ConnectionString, StoragePrefix = AzuriteFixture.UniquePrefix() };
        var output = new StringWriter();
        var synchronized = TextWriter.Synchronized(output);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var run = SandboxRunner.RunAsync(new SandboxArguments(settings, null, Keep: true), synchronized, cancel.Token);

        Match page, keyFile;
        while (!(page = PageLine().Match(Text())).Success || !(keyFile = KeyFileLine().Match(Text())).Success)
        {
            Assert.False(run.IsCompleted, "the sandbox ended instead of keeping the world: " + Text());
            await Task.Delay(200, cancel.Token);
        }
        var key = (await File.ReadAllTextAsync(keyFile.Groups[1].Value)).Trim();
        using var http = new HttpClient();
        var login = await http.GetAsync(new Uri(new Uri(page.Groups[1].Value), "/api/ops/login"));
        var mode = OperatingSystem.IsWindows() ? default : File.GetUnixFileMode(keyFile.Groups[1].Value);
        await cancel.CancelAsync();
        var exit = await run;

        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Equal(32, key.Length);
        Assert.DoesNotContain(key, Text(), StringComparison.Ordinal);
        Assert.DoesNotContain(key, page.Groups[1].Value, StringComparison.Ordinal);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, mode);
        Assert.Equal(0, exit);
        Assert.False(File.Exists(keyFile.Groups[1].Value));

        string Text() { lock (synchronized) return output.ToString(); }
    }

    [GeneratedRegex(@"Ops page\s+(\S+)")]
    private static partial Regex PageLine();

    [GeneratedRegex(@"admin key from (\S+) ")]
    private static partial Regex KeyFileLine();
}
