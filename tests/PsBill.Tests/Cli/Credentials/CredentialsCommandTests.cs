using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PsBill.Connector.Credentials;
using PsBill.Cli.Cli.Credentials;
using PsBill.Tests.Credentials;

namespace PsBill.Tests.Cli.Credentials;

public sealed class CredentialsCommandTests : IDisposable
{
    private readonly InMemorySecretStore _store = new();
    private readonly TemporaryFolder _folder = new();
    private readonly List<FakeCredentialCheck> _checks = [];

    public void Dispose() => _folder.Dispose();

    private ServiceProvider Services(Dictionary<string, string?>? settings = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings ?? new() { ["PsBill:Credentials:Store"] = "Memory" })
            .Build();
        var services = new ServiceCollection().AddLogging().AddSingleton(_store);
        services.AddPsBillCredentials(configuration);
        foreach (var check in _checks) services.AddSingleton<ICredentialCheck>(check);
        return services.BuildServiceProvider();
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(ServiceProvider services, string stdin, params string[] args)
    {
        var root = new RootCommand("psbill") { CredentialsCommand.Create(services, new TextReaderSecretInput(new StringReader(stdin))) };
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await root.Parse(["credentials", .. args]).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task SetBill_FourLinesOnStdin_StoresThemInOrderAndRunsTheBillCheck()
    {
        _checks.Add(new FakeCredentialCheck(_store, CredentialSets.Bill, "BILL login", SecretNames.BillPassword, "bill-pw-1"));
        using var services = Services();

        var (exit, output, _) = await RunAsync(services, "ap@example.com\nbill-pw-1\n00801ABCDEF\nDEVKEY-1\n", "set", "bill");

        Assert.Equal(0, exit);
        Assert.Equal("ap@example.com", await _store.GetAsync(SecretNames.BillUsername));
        Assert.Equal("bill-pw-1", await _store.GetAsync(SecretNames.BillPassword));
        Assert.Equal("00801ABCDEF", await _store.GetAsync(SecretNames.BillOrganizationId));
        Assert.Equal("DEVKEY-1", await _store.GetAsync(SecretNames.BillDeveloperKey));
        Assert.Contains("OK   BILL login: accepted", output);
        Assert.DoesNotContain("bill-pw-1", output);
        Assert.Equal(1, _checks[0].Runs);
    }

    [Fact]
    public async Task SetBill_TooFewLines_StoresNothingAndNamesTheOrder()
    {
        using var services = Services();

        var (exit, _, error) = await RunAsync(services, "ap@example.com\nbill-pw-1\n", "set", "bill");

        Assert.Equal(2, exit);
        Assert.Contains("BILL username, BILL password, BILL organization id, BILL developer key", error);
        Assert.Null(await _store.TryGetAsync(SecretNames.BillUsername));
    }

    [Fact]
    public async Task SetPeopleSoft_CheckRejects_Exit1AndTheOutputIsScrubbed()
    {
        _checks.Add(new FakeCredentialCheck(_store, CredentialSets.PeopleSoft, "PeopleSoft call", SecretNames.PeopleSoftPassword, "the-right-pw"));
        using var services = Services();

        var (exit, output, error) = await RunAsync(services, "VP1\nthe-wrong-pw\n", "set", "peoplesoft");

        Assert.Equal(1, exit);
        Assert.Equal("the-wrong-pw", await _store.GetAsync(SecretNames.PeopleSoftPassword));
        Assert.Contains("FAIL PeopleSoft call: rejected the value '***'", output);
        Assert.DoesNotContain("the-wrong-pw", output + error);
        Assert.Contains("stored, but a check failed", error);
    }

    [Fact]
    public async Task SetPeopleSoft_WindowsLineEndingsAndSpacesInPassword_KeepsThePasswordExactly()
    {
        using var services = Services();

        var (exit, _, _) = await RunAsync(services, "VP1\r\n pass word \r\n", "set", "peoplesoft", "--no-check");

        Assert.Equal(0, exit);
        Assert.Equal("VP1", await _store.GetAsync(SecretNames.PeopleSoftOperatorId));
        Assert.Equal(" pass word ", await _store.GetAsync(SecretNames.PeopleSoftPassword));
    }

    [Fact]
    public async Task SetBill_BlankValue_StoresNothing()
    {
        using var services = Services();

        var (exit, _, error) = await RunAsync(services, "ap@example.com\n   \n00801X\nDEV\n", "set", "bill");

        Assert.Equal(2, exit);
        Assert.Contains("BILL password is empty", error);
        Assert.Null(await _store.TryGetAsync(SecretNames.BillUsername));
    }

    [Fact]
    public async Task SetWebhook_NewKey_KeepsTheOldKeyAsPrevious()
    {
        await _store.SetAsync(SecretNames.WebhookSecurityKey, "old-webhook-key");
        using var services = Services();

        var (exit, _, _) = await RunAsync(services, "new-webhook-key\n", "set", "webhook");

        Assert.Equal(0, exit);
        Assert.Equal("new-webhook-key", await _store.GetAsync(SecretNames.WebhookSecurityKey));
        Assert.Equal("old-webhook-key", await _store.GetAsync(SecretNames.WebhookPreviousSecurityKey));
    }

    [Fact]
    public async Task SetAdmin_Generate_StoresAndPrintsANewKeyOnce()
    {
        using var services = Services();

        var (exit, output, _) = await RunAsync(services, string.Empty, "set", "admin", "--generate");

        Assert.Equal(0, exit);
        var stored = await _store.GetAsync(SecretNames.AdminKey);
        Assert.True(stored.Length >= 40);
        Assert.Contains($"Admin key (shown once): {stored}", output);
    }

    [Fact]
    public async Task SetPeopleSoft_NoCheck_StoresWithoutRunningChecks()
    {
        _checks.Add(new FakeCredentialCheck(_store, CredentialSets.PeopleSoft, "PeopleSoft call", SecretNames.PeopleSoftPassword, "x"));
        using var services = Services();

        var (exit, _, _) = await RunAsync(services, "VP1\npw-value\n", "set", "peoplesoft", "--no-check");

        Assert.Equal(0, exit);
        Assert.Equal(0, _checks[0].Runs);
    }

    [Fact]
    public async Task Check_MissingSecrets_ReportsThemAndSkipsTheRemoteCheck()
    {
        await _store.SetAsync(SecretNames.BillUsername, "ap@example.com");
        _checks.Add(new FakeCredentialCheck(_store, CredentialSets.Bill, "BILL login", SecretNames.BillPassword, "x"));
        using var services = Services();

        var (exit, output, _) = await RunAsync(services, string.Empty, "check", "bill");

        Assert.Equal(1, exit);
        Assert.Contains($"missing: {SecretNames.BillPassword}, {SecretNames.BillOrganizationId}, {SecretNames.BillDeveloperKey}", output);
        Assert.Contains("SKIP BILL login", output);
        Assert.Equal(0, _checks[0].Runs);
    }

    [Fact]
    public async Task Check_AllSetsStoredAndAccepted_Exit0()
    {
        foreach (var name in SecretNames.All) await _store.SetAsync(name, "value-of-" + name);
        _checks.Add(new FakeCredentialCheck(_store, CredentialSets.Bill, "BILL login", SecretNames.BillPassword, "value-of-" + SecretNames.BillPassword));
        _checks.Add(new FakeCredentialCheck(_store, CredentialSets.PeopleSoft, "PeopleSoft call", SecretNames.PeopleSoftPassword, "value-of-" + SecretNames.PeopleSoftPassword));
        using var services = Services();

        var (exit, output, _) = await RunAsync(services, string.Empty, "check");

        Assert.Equal(0, exit);
        Assert.Equal(6, output.Split('\n').Count(line => line.StartsWith("OK", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task SetBill_LocalStoreConfigured_WritesTheEncryptedFile()
    {
        var path = _folder.File("local/credentials.bin");
        using var services = Services(new() { ["PsBill:Credentials:Store"] = "Local", ["PsBill:Credentials:LocalPath"] = path });

        var (exit, _, _) = await RunAsync(services, "u@example.com\npw-local-1\n00801X\nDEV-L\n", "set", "bill");

        Assert.Equal(0, exit);
        Assert.Equal("pw-local-1", await new LocalSecretStore(path).GetAsync(SecretNames.BillPassword));
    }

    [Fact]
    public async Task Check_StoreSettingInvalid_Exit2NamingTheSetting()
    {
        using var services = Services(new() { ["PsBill:Credentials:Store"] = "Vault" });

        var (exit, _, error) = await RunAsync(services, string.Empty, "check");

        Assert.Equal(2, exit);
        Assert.Contains("PsBill:Credentials:Store", error);
    }
}
