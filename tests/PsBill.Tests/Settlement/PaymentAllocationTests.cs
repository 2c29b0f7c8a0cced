using PsBill.Connector.Bill.Models;
using PsBill.Connector.Settlement;

namespace PsBill.Tests.Settlement;

public sealed class PaymentAllocationTests
{
    [Fact]
    public void Of_SeveralBills_OneAllocationEachWithItsAmount()
    {
        var payment = new Payment
        {
            Id = "stp1", Amount = 30.30m,
            BillPayments = [new() { BillId = "b1", Amount = 10.10m }, new() { BillId = "b2", Amount = 20.20m }],
        };
        Assert.Equal([new PaymentAllocation("b1", 10.10m), new PaymentAllocation("b2", 20.20m)], PaymentAllocation.Of(payment));
    }

    [Fact]
    public void Of_OnlyBillId_PaymentAmount() =>
        Assert.Equal([new PaymentAllocation("b1", 7m)], PaymentAllocation.Of(new Payment { Id = "stp1", BillId = "b1", Amount = 7m }));

    [Fact]
    public void Of_NoBill_Throws() =>
        Assert.Throws<FormatException>(() => PaymentAllocation.Of(new Payment { Id = "stp1", Amount = 7m }));

    [Theory]
    [InlineData("CLEARED", PaymentDisposition.Cleared)]
    [InlineData("VOIDED", PaymentDisposition.Reverse)]
    [InlineData("FUNDING_FAILED_NSF", PaymentDisposition.Reverse)]
    [InlineData("SCHEDULED", PaymentDisposition.Pending)]
    [InlineData("SOMETHING_BILL_ADDED", PaymentDisposition.Pending)]
    public void Of_SingleStatus_Disposition(string status, PaymentDisposition expected) =>
        Assert.Equal(expected, PaymentDispositions.Of(new Payment { SingleStatus = status }));
}
