using PsBill.Connector.PeopleSoft;
using PsBill.Simulators.PeopleSoft;

namespace PsBill.Tests.PeopleSoft;

public sealed class PeopleSoftWriterTests
{
    private static PeopleSoftPaymentRecord PaymentFor(SimulatedVoucher voucher, string reference = "BILL-CONF-0001") =>
        new(voucher.BusinessUnit, voucher.VoucherId, "EFT", reference, new DateOnly(2026, 2, 3), voucher.GrossAmount);

    private static SimulatedVoucher AnApprovedVoucher(PeopleSoftTestHost host) =>
        host.Simulator.GetVouchers().First(v => v.IsApproved && v.RawOverrides is null);

    [Theory]
    [InlineData(PeopleSoftSoapAuthMode.UsernameToken)]
    [InlineData(PeopleSoftSoapAuthMode.Basic)]
    public async Task RecordVoucherPaymentAsync_ApprovedVoucher_RecordedAndConfirmedByTheStatusQuery(PeopleSoftSoapAuthMode auth)
    {
        await using var host = await PeopleSoftTestHost.StartAsync(configure: options => options.SoapAuthMode = auth);
        var voucher = AnApprovedVoucher(host);

        await host.Writer.RecordVoucherPaymentAsync(PaymentFor(voucher));
        var status = await host.Reader.GetVoucherPaymentStatusAsync(voucher.BusinessUnit, voucher.VoucherId);

        var payment = status.FindByReference("BILL-CONF-0001");
        Assert.NotNull(payment);
        Assert.Equal(voucher.GrossAmount, payment.PaidAmount);
        Assert.Equal(("EFT", "R", "P"), (payment.Method, payment.Action, payment.Status));
        Assert.Equal(new DateOnly(2026, 2, 3), payment.PaymentDate);
        Assert.Equal(1, payment.PaymentCount);
        Assert.Equal(voucher.GrossAmount, status.AmountPaid);
        var figures = host.Simulator.GetFigures();
        Assert.Equal((1, 0), (figures.PaymentsRecorded, figures.DuplicatePayments));
    }

    [Fact]
    public async Task RecordVoucherPaymentAsync_SamePaymentTwice_SimulatorCountsTheDuplicate()
    {
        await using var host = await PeopleSoftTestHost.StartAsync();
        var voucher = AnApprovedVoucher(host);

        await host.Writer.RecordVoucherPaymentAsync(PaymentFor(voucher));
        await host.Writer.RecordVoucherPaymentAsync(PaymentFor(voucher));

        var figures = host.Simulator.GetFigures();
        Assert.Equal((2, 1), (figures.PaymentsRecorded, figures.DuplicatePayments));
        Assert.Equal(1, host.Simulator.GetDuplicatePayments()[(voucher.Key, "BILL-CONF-0001")]);
    }

    [Fact]
    public async Task ReverseVoucherPaymentAsync_RecordedPayment_ShowsCancelledAndNothingPaid()
    {
        await using var host = await PeopleSoftTestHost.StartAsync();
        var voucher = AnApprovedVoucher(host);
        await host.Writer.RecordVoucherPaymentAsync(PaymentFor(voucher));

        await host.Writer.ReverseVoucherPaymentAsync(PaymentFor(voucher));

        var status = await host.Reader.GetVoucherPaymentStatusAsync(voucher.BusinessUnit, voucher.VoucherId);
        var payment = Assert.Single(status.Payments);
        Assert.Equal(("X", "V"), (payment.Action, payment.Status));
        Assert.Null(status.FindByReference("BILL-CONF-0001"));
        Assert.Equal(0m, status.AmountPaid);
        Assert.Equal(1, host.Simulator.GetFigures().PaymentReversals);
    }

    [Fact]
    public async Task RecordVoucherPaymentAsync_UnknownVoucher_ThrowsRejectedWithMessageIdTextAndParameters()
    {
        await using var host = await PeopleSoftTestHost.StartAsync();

        var error = await Assert.ThrowsAsync<PeopleSoftException>(() =>
            host.Writer.RecordVoucherPaymentAsync(new PeopleSoftPaymentRecord("US001", "99999999", "EFT", "BILL-X", new DateOnly(2026, 2, 3), 10m)));

        Assert.Equal(PeopleSoftErrorKind.Rejected, error.Kind);
        Assert.Equal(PeopleSoftErrorCode.NoRowsForKeys, error.Code);
        Assert.Equal((91, 50), (error.MessageSetId, error.MessageId));
        Assert.StartsWith("No rows exist for the specified keys.", error.MessageText);
        Assert.Equal(["PSB_VCHR_PYMNT", "US001", "99999999"], error.MessageParameters);
        Assert.Contains("voucher:US001:99999999", error.Message);
        Assert.Equal(1, host.Simulator.GetFigures().Calls); // a business error is not retried
    }

    [Fact]
    public async Task RecordVoucherPaymentAsync_PendingVoucher_ThrowsRejectedByTheComponent()
    {
        await using var host = await PeopleSoftTestHost.StartAsync();
        var pending = host.Simulator.GetVouchers().First(v => v.ApprovalStatus == "P");

        var error = await Assert.ThrowsAsync<PeopleSoftException>(() => host.Writer.RecordVoucherPaymentAsync(PaymentFor(pending)));

        Assert.Equal(PeopleSoftErrorKind.Rejected, error.Kind);
        Assert.Contains("is not approved", error.MessageText);
        Assert.Empty(host.Simulator.GetPayments());
    }

    [Fact]
    public async Task RecordVoucherPaymentAsync_WrongPasswordWithUsernameToken_ThrowsAuthenticationFromTheFault()
    {
        await using var host = await PeopleSoftTestHost.StartAsync(password: "not-the-password");
        var voucher = AnApprovedVoucher(host);

        var error = await Assert.ThrowsAsync<PeopleSoftException>(() => host.Writer.RecordVoucherPaymentAsync(PaymentFor(voucher)));

        Assert.Equal(PeopleSoftErrorKind.Authentication, error.Kind);
        Assert.Equal(PeopleSoftErrorCode.UserPasswordFailed, error.Code);
        Assert.Contains("User password failed", error.Message);
        Assert.Contains("peoplesoft-password", error.Message);
        Assert.DoesNotContain("not-the-password", error.ToString());
        Assert.Equal(1, host.Simulator.GetFigures().AuthenticationFailures); // never retried: it would lock the account
    }

    [Fact]
    public async Task RecordVoucherPaymentAsync_WrongPasswordWithBasic_ThrowsAuthentication()
    {
        await using var host = await PeopleSoftTestHost.StartAsync(
            configure: options => options.SoapAuthMode = PeopleSoftSoapAuthMode.Basic, password: "not-the-password");
        var voucher = AnApprovedVoucher(host);

        var error = await Assert.ThrowsAsync<PeopleSoftException>(() => host.Writer.RecordVoucherPaymentAsync(PaymentFor(voucher)));

        Assert.Equal((PeopleSoftErrorKind.Authentication, 401), (error.Kind, error.StatusCode));
        Assert.DoesNotContain("not-the-password", error.ToString());
    }

    [Fact]
    public async Task RecordVoucherPaymentAsync_503Burst_RetriedAndRecordedOnce()
    {
        await using var host = await PeopleSoftTestHost.StartAsync();
        var voucher = AnApprovedVoucher(host);
        host.Simulator.Faults.FailNext(3, 503, PeopleSoftFaultTarget.ComponentInterfaces);

        await host.Writer.RecordVoucherPaymentAsync(PaymentFor(voucher));

        var figures = host.Simulator.GetFigures();
        Assert.Equal((3, 4L), (figures.FaultsInjected, figures.Calls));
        Assert.Equal((1, 0), (figures.PaymentsRecorded, figures.DuplicatePayments));
    }

    [Fact]
    public async Task RecordVoucherPaymentAsync_GatewayError500_NotRepeatedAndOutcomeUnknown()
    {
        await using var host = await PeopleSoftTestHost.StartAsync();
        var voucher = AnApprovedVoucher(host);
        host.Simulator.Faults.FailNext(1, 500, PeopleSoftFaultTarget.ComponentInterfaces);

        var error = await Assert.ThrowsAsync<PeopleSoftException>(() => host.Writer.RecordVoucherPaymentAsync(PaymentFor(voucher)));

        Assert.Equal(PeopleSoftErrorKind.OutcomeUnknown, error.Kind);
        Assert.Contains("look the record up", error.Message);
        Assert.Equal(1, host.Simulator.GetFigures().Calls);
    }

    [Fact]
    public async Task RecordVoucherPaymentAsync_SlowerThanAttemptTimeout_OutcomeUnknown()
    {
        await using var host = await PeopleSoftTestHost.StartAsync(configure: options => options.Resilience.AttemptTimeout = TimeSpan.FromMilliseconds(100));
        var voucher = AnApprovedVoucher(host);
        host.Simulator.Faults.Latency = TimeSpan.FromMilliseconds(400);

        var error = await Assert.ThrowsAsync<PeopleSoftException>(() => host.Writer.RecordVoucherPaymentAsync(PaymentFor(voucher)));

        Assert.Equal((PeopleSoftErrorKind.OutcomeUnknown, PeopleSoftErrorCode.Timeout), (error.Kind, error.Code));
        Assert.Equal(1, host.Simulator.GetFigures().Calls);
    }

    [Fact]
    public async Task CreatePaymentJournalAsync_Payment_CreatesBalancedJournalReferencingTheVoucher()
    {
        await using var host = await PeopleSoftTestHost.StartAsync(configure: options =>
        {
            options.ComponentInterfaces.Journal.ApLiabilityAccount = "200000";
            options.ComponentInterfaces.Journal.CashAccount = "100000";
        });
        var voucher = AnApprovedVoucher(host);

        var created = await host.Writer.CreatePaymentJournalAsync(PaymentFor(voucher));

        var journal = Assert.Single(host.Simulator.GetJournals());
        Assert.Equal((voucher.BusinessUnit, created.JournalId), (journal.BusinessUnit, journal.JournalId));
        Assert.Equal("0000000001", created.JournalId);
        Assert.Equal(new DateOnly(2026, 2, 3), journal.JournalDate);
        Assert.Equal([("200000", voucher.GrossAmount), ("100000", -voucher.GrossAmount)], journal.Lines.Select(l => (l.Account, l.Amount)));
        Assert.All(journal.Lines, line => Assert.Equal(voucher.VoucherId, line.Reference));
        Assert.Contains("BILL-CONF-0001", journal.Description);
    }

    [Fact]
    public async Task CreateJournalAsync_InactiveAccount_ThrowsRejected()
    {
        await using var host = await PeopleSoftTestHost.StartAsync();
        var journal = new PeopleSoftJournal("US001", new DateOnly(2026, 2, 3), "test",
            [new("695000", null, 5m, "V1", null), new("100000", null, -5m, "V1", null)]);

        var error = await Assert.ThrowsAsync<PeopleSoftException>(() => host.Writer.CreateJournalAsync(journal));

        Assert.Equal(PeopleSoftErrorKind.Rejected, error.Kind);
        Assert.Contains("695000", error.MessageText);
        Assert.Empty(host.Simulator.GetJournals());
    }

    [Fact]
    public async Task CreateJournalAsync_Unbalanced_ThrowsBeforeCallingPeopleSoft()
    {
        await using var host = await PeopleSoftTestHost.StartAsync();
        var journal = new PeopleSoftJournal("US001", new DateOnly(2026, 2, 3), "test",
            [new("200000", null, 5m, "V1", null), new("100000", null, -4m, "V1", null)]);

        await Assert.ThrowsAsync<ArgumentException>(() => host.Writer.CreateJournalAsync(journal));

        Assert.Equal(0, host.Simulator.GetFigures().Calls);
    }
}
