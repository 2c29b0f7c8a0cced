using PsBill.Connector.PeopleSoft;
using PsBill.Simulators.PeopleSoft;

namespace PsBill.Tests.PeopleSoft;

/// <summary>The writer against the two common shapes of a customer-built payment CI (PEOPLESOFT-API.md): UpdateData with
/// a PYMNT_VCHR_XREF collection, and Create with flat properties; and the gateway's IBResponse errors.</summary>
public sealed class PeopleSoftWriterShapeTests
{
    public static TheoryData<string> Shapes => new() { "UpdateData/collection", "Create/flat" };

    private static PaymentCiShape SimulatorShape(string shape) =>
        shape == "Create/flat" ? PaymentCiShape.CreateFlat : PaymentCiShape.UpdateDataCollection;

    /// <summary>The settings a shop with this CI shape writes; the UpdateData one is the default.</summary>
    internal static void Configure(PeopleSoftClientOptions options, string shape)
    {
        if (shape != "Create/flat") return;
        foreach (var ci in new[] { options.ComponentInterfaces.VoucherPayment, options.ComponentInterfaces.PaymentReversal })
        {
            ci.Operation = PeopleSoftCiOperation.Create;
            ci.PaymentCollection = "";
        }
    }

    private static PeopleSoftPaymentRecord PaymentFor(SimulatedVoucher voucher, string reference) =>
        new(voucher.BusinessUnit, voucher.VoucherId, "ACH", reference, new DateOnly(2026, 3, 4), voucher.GrossAmount);

    [Theory]
    [MemberData(nameof(Shapes))]
    public async Task RecordAndReverse_EachCiShape_RecordedOnceThenCancelled(string shape)
    {
        await using var host = await PeopleSoftTestHost.StartAsync(
            paymentShape: SimulatorShape(shape), configure: options => Configure(options, shape));
        var vouchers = host.Simulator.GetVouchers().Where(v => v.IsApproved && v.RawOverrides is null).Take(5).ToList();

        foreach (var voucher in vouchers) await host.Writer.RecordVoucherPaymentAsync(PaymentFor(voucher, "CONF-" + voucher.VoucherId));
        await host.Writer.ReverseVoucherPaymentAsync(PaymentFor(vouchers[0], "CONF-" + vouchers[0].VoucherId));

        var payments = host.Simulator.GetPayments();
        Assert.Equal(vouchers.Select(v => (v.BusinessUnit, v.VoucherId, v.GrossAmount)), payments.Select(p => (p.BusinessUnit, p.VoucherId, p.Amount)));
        Assert.Equal(["X", "R", "R", "R", "R"], payments.Select(p => p.Action));
        Assert.Equal(0, host.Simulator.GetFigures().DuplicatePayments);
        var status = await host.Reader.GetVoucherPaymentStatusAsync(vouchers[1].BusinessUnit, vouchers[1].VoucherId);
        Assert.Equal(vouchers[1].GrossAmount, status.FindByReference("CONF-" + vouchers[1].VoucherId)!.PaidAmount);
    }

    [Fact]
    public async Task RecordVoucherPaymentAsync_DefaultSettingsAgainstACreateFlatCi_RejectedNamingTheServiceOperation()
    {
        // The run in issue 11: the shop exposes Create/flat, the connector still sends UpdateData.
        await using var host = await PeopleSoftTestHost.StartAsync(paymentShape: PaymentCiShape.CreateFlat);
        var voucher = host.Simulator.GetVouchers().First(v => v.IsApproved && v.RawOverrides is null);

        var error = await Assert.ThrowsAsync<PeopleSoftException>(() => host.Writer.RecordVoucherPaymentAsync(PaymentFor(voucher, "CONF-1")));

        Assert.Equal(PeopleSoftErrorKind.Rejected, error.Kind);
        Assert.Contains("CI_PSB_VCHR_PYMNT_UD.V1", error.Message);
        Assert.Empty(host.Simulator.GetPayments());
    }

    [Fact]
    public void ToCall_CustomRootNamespaceAndResponse_UsedAsConfigured()
    {
        var ci = new PeopleSoftVoucherPaymentCiOptions
        {
            Name = "ZZ_PYMNT",
            Operation = PeopleSoftCiOperation.Update,
            RequestRoot = "ZZ_PYMNT_REQ",
            Namespace = "http://example.com/zz",
            ResponseRoot = "ZZ_PYMNT_RESP",
        };

        var call = ci.ToCall();
        var generated = new PeopleSoftVoucherPaymentCiOptions { Name = "ZZ_PYMNT", Operation = PeopleSoftCiOperation.Create }.ToCall();

        Assert.Equal(("CI_ZZ_PYMNT_UP.V1", "ZZ_PYMNT_REQ", "http://example.com/zz", "ZZ_PYMNT_RESP"), (call.SoapAction, call.RequestRoot, call.Namespace, call.ResponseRoot));
        Assert.Equal(("CI_ZZ_PYMNT_C.V1", "Create__CompIntfc__ZZ_PYMNT", "http://xmlns.oracle.com/Enterprise/Tools/schemas/Create__CompIntfc__ZZ_PYMNT.V1", "Create__CompIntfc__ZZ_PYMNTResponse"),
            (generated.SoapAction, generated.RequestRoot, generated.Namespace, generated.ResponseRoot));
    }

    [Fact]
    public async Task RecordVoucherPaymentAsync_UnexpectedResponseRoot_OutcomeUnknownNotRejected()
    {
        // The component saved; its answer is not what the settings say to expect: the connector must not call that "nothing saved".
        await using var host = await PeopleSoftTestHost.StartAsync(configure: options => options.ComponentInterfaces.VoucherPayment.ResponseRoot = "SomethingElse");
        var voucher = host.Simulator.GetVouchers().First(v => v.IsApproved && v.RawOverrides is null);

        var error = await Assert.ThrowsAsync<PeopleSoftException>(() => host.Writer.RecordVoucherPaymentAsync(PaymentFor(voucher, "CONF-2")));

        Assert.Equal(PeopleSoftErrorKind.OutcomeUnknown, error.Kind);
        Assert.Contains("SomethingElse", error.Message);
        Assert.Single(host.Simulator.GetPayments());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task RecordVoucherPaymentAsync_GatewayIbResponse500_OutcomeUnknownNeverRejected(bool afterWork)
    {
        await using var host = await PeopleSoftTestHost.StartAsync();
        var voucher = host.Simulator.GetVouchers().First(v => v.IsApproved && v.RawOverrides is null);
        host.Simulator.Faults.FailNextWithGatewayError(1, PeopleSoftFaultTarget.ComponentInterfaces, afterWork);

        var error = await Assert.ThrowsAsync<PeopleSoftException>(() => host.Writer.RecordVoucherPaymentAsync(PaymentFor(voucher, "CONF-3")));

        Assert.Equal((PeopleSoftErrorKind.OutcomeUnknown, 500), (error.Kind, error.StatusCode));
        Assert.Contains("application server", error.MessageText);
        Assert.Equal(1, host.Simulator.GetFigures().Calls);
        Assert.Equal(afterWork ? 1 : 0, host.Simulator.GetPayments().Count);
    }

    [Fact]
    public async Task Read_GatewayIbResponse500_RetriedAsTransient()
    {
        await using var host = await PeopleSoftTestHost.StartAsync();
        host.Simulator.Faults.FailNextWithGatewayError(3, PeopleSoftFaultTarget.Queries);

        var accounts = await host.Reader.ReadGlAccountsAsync().ToListAsync();

        Assert.NotEmpty(accounts);
        Assert.Equal(3, host.Simulator.GetFigures().FaultsInjected);
    }
}
