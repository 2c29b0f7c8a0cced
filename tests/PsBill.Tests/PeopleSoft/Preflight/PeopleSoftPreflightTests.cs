using Microsoft.Extensions.DependencyInjection;
using PsBill.Connector.PeopleSoft;
using PsBill.Connector.PeopleSoft.Preflight;
using PsBill.Simulators.PeopleSoft;

namespace PsBill.Tests.PeopleSoft.Preflight;

/// <summary>The go-live preflight against the PeopleSoft simulator: every query and CI as configured.</summary>
public sealed class PeopleSoftPreflightTests
{
    [Fact]
    public async Task RunAsync_SimulatorWithDefaults_EveryQueryAndCiOk()
    {
        await using var host = await PeopleSoftTestHost.StartAsync();

        var lines = await host.Services.GetRequiredService<PeopleSoftPreflight>().RunAsync();

        Assert.Equal(8, lines.Count);
        Assert.All(lines, line => Assert.True(line.Ok, line.ToString()));
        Assert.Contains(lines, l => l.Subject == "query PSB_APPROVED_VOUCHERS (ApprovedVouchers)" && l.Message.Contains("prompts LASTUPDDTTM, BUSINESS_UNIT, VOUCHER_ID accepted"));
        Assert.Contains(lines, l => l.Subject == "CI_PSB_VCHR_PYMNT_UD.V1 (VoucherPayment)" && l.Message.Contains("its own validation"));
        Assert.Contains(lines, l => l.Subject == "CI_PSB_JOURNAL_C.V1 (Journal)");
        Assert.Empty(host.Simulator.GetPayments());
        Assert.Empty(host.Simulator.GetJournals());
    }

    [Fact]
    public async Task RunAsync_VoucherQueryWithoutDeptId_FailsNamingQueryColumnAndSetting()
    {
        await using var host = await PeopleSoftTestHost.StartAsync(configureSimulator: options =>
            options.OmittedColumns[PeopleSoftSimulatorQueries.ApprovedVouchers] = ["DEPTID"]);

        var lines = await host.Services.GetRequiredService<PeopleSoftPreflight>().RunAsync();

        var failed = Assert.Single(lines, l => !l.Ok);
        Assert.Equal("FAIL query PSB_APPROVED_VOUCHERS (ApprovedVouchers): does not return column DEPTID: add it to the query in Query Manager " +
                     "(docs/PEOPLESOFT-SETUP.md), or set PsBill:PeopleSoft:Queries:ApprovedVouchers:Name to a query that returns it", failed.ToString());
    }

    [Fact]
    public async Task RunAsync_CreateFlatCiWithUpdateDataSettings_FailsNamingTheSettingsThenOkOnceConfigured()
    {
        await using var wrong = await PeopleSoftTestHost.StartAsync(paymentShape: PaymentCiShape.CreateFlat);
        await using var right = await PeopleSoftTestHost.StartAsync(paymentShape: PaymentCiShape.CreateFlat,
            configure: options => PeopleSoftWriterShapeTests.Configure(options, "Create/flat"));

        var failing = await wrong.Services.GetRequiredService<PeopleSoftPreflight>().RunAsync([PeopleSoftWriteTarget.VoucherPayment, PeopleSoftWriteTarget.PaymentReversal]);
        var passing = await right.Services.GetRequiredService<PeopleSoftPreflight>().RunAsync([PeopleSoftWriteTarget.VoucherPayment, PeopleSoftWriteTarget.PaymentReversal]);

        var payment = Assert.Single(failing, l => l.Subject.EndsWith("(VoucherPayment)", StringComparison.Ordinal));
        Assert.False(payment.Ok);
        Assert.Contains("PsBill:PeopleSoft:ComponentInterfaces:VoucherPayment:Name, :Operation", payment.Message);
        Assert.All(passing, line => Assert.True(line.Ok, line.ToString()));
        Assert.Contains(passing, l => l.Subject == "CI_PSB_VCHR_PYMNT_C.V1 (VoucherPayment)");
    }

    [Fact]
    public async Task RunAsync_WrongQueryName_FailsWithPeopleSoftsMessageAndTheSetting()
    {
        await using var host = await PeopleSoftTestHost.StartAsync(configure: options => options.Queries.Suppliers.Name = "PSB_NO_SUCH_QUERY");

        var lines = await host.Services.GetRequiredService<PeopleSoftPreflight>().RunAsync([]);

        var failed = Assert.Single(lines, l => !l.Ok);
        Assert.StartsWith("query PSB_NO_SUCH_QUERY (Suppliers)", failed.Subject, StringComparison.Ordinal);
        Assert.Contains("does not exist", failed.Message);
        Assert.Contains("PsBill:PeopleSoft:Queries:Suppliers:Name", failed.Message);
    }
}
