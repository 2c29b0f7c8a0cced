using Microsoft.Extensions.Time.Testing;
using PsBill.Connector.Bill;
using PsBill.Simulators.Bill;
using PsBill.Tests.Bill.Support;

namespace PsBill.Tests.Bill.Session;

/// <summary>The shared session: one login per process, re-login after expiry, and the login budget.</summary>
public sealed class BillSessionTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Call_AfterIdleExpiry_LogsInAgainAndRetriesTheCall()
    {
        var time = new FakeTimeProvider(Start);
        await using var simulator = await BillSimulator.StartAsync(new BillSimulatorOptions { TimeProvider = time });
        await using var host = BillTestHost.Create(simulator, time);
        var vendor = await host.Client.CreateVendorAsync(BillSamples.Vendor("Acme"));

        time.Advance(TimeSpan.FromMinutes(36));
        var read = await host.Client.GetVendorAsync(vendor.Id!);

        var figures = simulator.GetFigures();
        Assert.Equal(vendor.Id, read.Id);
        Assert.Equal(2, host.Client.LoginCount);
        Assert.Equal(2, figures.Logins);
        Assert.Equal(1, figures.Rejected.SessionInvalid);
    }

    [Fact]
    public async Task Call_WithinIdleTimeout_KeepsTheSession()
    {
        var time = new FakeTimeProvider(Start);
        await using var simulator = await BillSimulator.StartAsync(new BillSimulatorOptions { TimeProvider = time });
        await using var host = BillTestHost.Create(simulator, time);

        for (var i = 0; i < 3; i++)
        {
            await host.Client.GetSessionDetailsAsync();
            time.Advance(TimeSpan.FromMinutes(30)); // each call resets BILL's 35-minute clock
        }

        Assert.Equal(1, host.Client.LoginCount);
        Assert.Equal(0, simulator.GetFigures().Rejected.SessionInvalid);
    }

    [Fact]
    public async Task ManyCalls_AtOnceWithoutSession_LogInOnce()
    {
        await using var simulator = await BillSimulator.StartAsync(new BillSimulatorOptions { Latency = TimeSpan.FromMilliseconds(2) });
        await using var host = BillTestHost.Create(simulator);

        await Task.WhenAll(Enumerable.Range(0, 30).Select(_ => host.Client.GetSessionDetailsAsync()));

        Assert.Equal(1, host.Client.LoginCount);
        Assert.Equal(1, simulator.GetFigures().Logins);
    }

    [Fact]
    public async Task ManyCalls_AfterSessionsExpire_LogInAgainOnce()
    {
        await using var simulator = await BillSimulator.StartAsync(new BillSimulatorOptions { Latency = TimeSpan.FromMilliseconds(2) });
        await using var host = BillTestHost.Create(simulator);
        await host.Client.GetSessionDetailsAsync();

        simulator.ExpireAllSessions();
        await Task.WhenAll(Enumerable.Range(0, 30).Select(_ => host.Client.GetSessionDetailsAsync()));

        Assert.Equal(2, host.Client.LoginCount);
        Assert.InRange(simulator.GetFigures().Rejected.SessionInvalid, 1, 30); // every call sent on the old session learns of it
        Assert.Equal(2, simulator.GetFigures().Logins);
    }

    [Fact]
    public async Task Login_WrongPassword_ThrowsAuthenticationWithBillsCode()
    {
        await using var simulator = await BillSimulator.StartAsync();
        await using var host = BillTestHost.Create(simulator);
        await host.Secrets.SetAsync(Connector.Credentials.SecretNames.BillPassword, "wrong");

        var ex = await Assert.ThrowsAsync<BillApiException>(() => host.Client.GetSessionDetailsAsync());

        Assert.Equal(BillErrorCode.InvalidCredentials, ex.Code);
        Assert.Equal(BillFailureKind.Authentication, ex.Kind);
        Assert.DoesNotContain("wrong", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(simulator.Credentials.DeveloperKey, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_BudgetSpent_RefusesWithoutCallingBill()
    {
        await using var simulator = await BillSimulator.StartAsync();
        await using var host = BillTestHost.Create(simulator, configure: o => o.MaxLoginsPerHour = 2);
        await host.Client.GetSessionDetailsAsync();
        simulator.ExpireAllSessions();
        await host.Client.GetSessionDetailsAsync();
        simulator.ExpireAllSessions();

        var ex = await Assert.ThrowsAsync<BillApiException>(() => host.Client.GetSessionDetailsAsync());

        Assert.Equal(BillErrorCode.LoginBudgetExhausted, ex.Code);
        Assert.Equal(2, simulator.GetFigures().Logins);
    }
}
