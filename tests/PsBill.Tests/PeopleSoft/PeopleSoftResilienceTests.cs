using PsBill.Connector.PeopleSoft;
using PsBill.Simulators.PeopleSoft;

namespace PsBill.Tests.PeopleSoft;

public sealed class PeopleSoftResilienceTests
{
    [Fact]
    public async Task ReadApprovedVouchersAsync_503Burst_RiddenOutWithBackoff()
    {
        await using var host = await PeopleSoftTestHost.StartAsync(configure: options => options.Resilience.MaxRetryAttempts = 4);
        var expected = host.Simulator.GetVouchers().Count(v => v.IsApproved);
        host.Simulator.Faults.FailNext(4, 503, PeopleSoftFaultTarget.Queries);

        var results = await host.Reader.ReadApprovedVouchersAsync().ToListAsync();

        Assert.Equal(expected, results.Count);
        var figures = host.Simulator.GetFigures();
        Assert.Equal(4, figures.FaultsInjected);
        Assert.Equal(5, figures.Calls); // four refused, then the one page
        Assert.Equal(4, host.Logs.GetSnapshot().Count(log => log.Message.Contains("HTTP_503") && log.Message.Contains("retry")));
    }

    [Fact]
    public async Task ReadApprovedVouchersAsync_SeededChaos_EveryVoucherStillReadOnce()
    {
        await using var host = await PeopleSoftTestHost.StartAsync(
            new PeopleSoftGeneratorOptions { Suppliers = 30, Vouchers = 300 },
            options =>
            {
                options.Queries.ApprovedVouchers.MaxRows = 40;
                options.Resilience.MaxRetryAttempts = 6;
            });
        var expected = host.Simulator.GetVouchers().Where(v => v.IsApproved).Select(v => v.Key).Order().ToList();
        host.Simulator.Faults.ChaosFailureRate = 0.2;

        var results = await host.Reader.ReadApprovedVouchersAsync().ToListAsync();

        Assert.Equal(expected, results.Select(r => r.Record?.Key ?? r.Error!.RecordKey).Order().ToList());
        Assert.True(host.Simulator.GetFigures().FaultsInjected > 0);
    }

    [Fact]
    public async Task ReadGlAccountsAsync_HtmlError500FromGateway_Retried()
    {
        await using var host = await PeopleSoftTestHost.StartAsync();
        host.Simulator.Faults.FailNext(2, 500, PeopleSoftFaultTarget.Queries);

        var accounts = await host.Reader.ReadGlAccountsAsync().ToListAsync();

        Assert.NotEmpty(accounts);
        Assert.Equal(3, host.Simulator.GetFigures().Calls);
    }

    [Fact]
    public async Task ReadApprovedVouchersAsync_PageCutOffMidBody_ReadAgain_NoVoucherLostOrDoubled()
    {
        // Pages are parsed as they arrive: a body that breaks off half way is a transport failure to retry, not bad JSON.
        await using var host = await PeopleSoftTestHost.StartAsync(configure: options => options.Resilience.MaxRetryAttempts = 3);
        var expected = host.Simulator.GetVouchers().Where(v => v.IsApproved).Select(v => v.Key).Order().ToList();
        host.Simulator.Faults.CutOffNext(2);

        var results = await host.Reader.ReadApprovedVouchersAsync().ToListAsync();

        Assert.Equal(expected, results.Select(r => r.Record?.Key ?? r.Error!.RecordKey).Order().ToList());
        Assert.Equal(2, host.Simulator.GetFigures().FaultsInjected);
        Assert.Equal(2, host.Logs.GetSnapshot().Count(log => log.Message.Contains("failed (IOException); retry", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task ReadGlAccountsAsync_EveryAnswerCutOff_TransientErrorSaysItBrokeOff()
    {
        await using var host = await PeopleSoftTestHost.StartAsync(configure: options => options.Resilience.MaxRetryAttempts = 1);
        host.Simulator.Faults.CutOffNext(5);

        var error = await Assert.ThrowsAsync<PeopleSoftException>(async () => await host.Reader.ReadGlAccountsAsync().ToListAsync());

        Assert.Equal((PeopleSoftErrorKind.Transient, PeopleSoftErrorCode.ConnectionFailed), (error.Kind, error.Code));
        Assert.Contains("broke off", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, host.Simulator.GetFigures().Calls);
    }

    [Fact]
    public async Task ReadGlAccountsAsync_503LongerThanTheAttempts_ThrowsTransientAfterBoundedAttempts()
    {
        await using var host = await PeopleSoftTestHost.StartAsync(configure: options => options.Resilience.MaxRetryAttempts = 2);
        host.Simulator.Faults.FailNext(10, 503, PeopleSoftFaultTarget.Queries);

        var error = await Assert.ThrowsAsync<PeopleSoftException>(async () => await host.Reader.ReadGlAccountsAsync().ToListAsync());

        Assert.Equal((PeopleSoftErrorKind.Transient, 503), (error.Kind, error.StatusCode));
        Assert.Equal(PeopleSoftErrorCode.Http(503), error.Code);
        Assert.Equal(3, host.Simulator.GetFigures().Calls);
    }

    [Fact]
    public async Task ReadGlAccountsAsync_SlowerThanAttemptTimeout_TimesOutAndRetries()
    {
        await using var host = await PeopleSoftTestHost.StartAsync(configure: options =>
        {
            options.Resilience.AttemptTimeout = TimeSpan.FromMilliseconds(100);
            options.Resilience.MaxRetryAttempts = 1;
        });
        // One read first, so the attempts below are not spent compiling and connecting: run alone, the first attempt's
        // 100 ms could pass before its request reached the simulator, which then counted one call, not two.
        await host.Reader.ReadGlAccountsAsync().ToListAsync();
        host.Simulator.Faults.Latency = TimeSpan.FromMilliseconds(500);

        var error = await Assert.ThrowsAsync<PeopleSoftException>(async () => await host.Reader.ReadGlAccountsAsync().ToListAsync());

        Assert.Equal((PeopleSoftErrorKind.Transient, PeopleSoftErrorCode.Timeout), (error.Kind, error.Code));
        Assert.Equal(1 + 2, host.Simulator.GetFigures().Calls);
    }

    [Fact]
    public async Task ReadSuppliersAsync_WrongPassword_ThrowsClearAuthenticationErrorWithoutRetrying()
    {
        await using var host = await PeopleSoftTestHost.StartAsync(password: "wrong-Secret-123");

        var error = await Assert.ThrowsAsync<PeopleSoftException>(async () => await host.Reader.ReadSuppliersAsync().ToListAsync());

        Assert.Equal((PeopleSoftErrorKind.Authentication, 401), (error.Kind, error.StatusCode));
        Assert.Contains("refused the operator's credentials", error.Message);
        Assert.Contains("peoplesoft-oprid", error.Message);
        Assert.DoesNotContain("wrong-Secret-123", error.ToString());
        Assert.DoesNotContain(host.Logs.GetSnapshot(), log => log.Message.Contains("wrong-Secret-123"));
        Assert.Equal(1, host.Simulator.GetFigures().AuthenticationFailures);
    }

    [Fact]
    public async Task ReadAsync_QueryMissingInPeopleSoft_ThrowsRejectedWithTheIbResponseAndDoesNotRetry()
    {
        await using var host = await PeopleSoftTestHost.StartAsync(configure: options => options.Queries.Departments.Name = "NOT_A_QUERY");

        var error = await Assert.ThrowsAsync<PeopleSoftException>(async () => await host.Reader.ReadDepartmentsAsync().ToListAsync());

        Assert.Equal((PeopleSoftErrorKind.Rejected, 500), (error.Kind, error.StatusCode));
        Assert.Contains("NOT_A_QUERY does not exist", error.MessageText);
        Assert.Equal(["NOT_A_QUERY"], error.MessageParameters);
        Assert.Equal(1, host.Simulator.GetFigures().Calls);
    }

    [Fact]
    public async Task GetVoucherPaymentStatusAsync_ManyAtOnce_NoMoreThanMaxConcurrentCallsInFlight()
    {
        await using var host = await PeopleSoftTestHost.StartAsync(configure: options => options.Resilience.MaxConcurrentCalls = 2);
        host.Simulator.Faults.Latency = TimeSpan.FromMilliseconds(40);
        var vouchers = host.Simulator.GetVouchers().Take(8).ToList();

        await Task.WhenAll(vouchers.Select(v => host.Reader.GetVoucherPaymentStatusAsync(v.BusinessUnit, v.VoucherId)));

        var figures = host.Simulator.GetFigures();
        Assert.Equal(8, figures.Calls);
        Assert.Equal(2, figures.MaxConcurrentCalls);
    }
}
