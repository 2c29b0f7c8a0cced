using PsBill.Connector.Bill.Models;
using PsBill.Simulators.Bill;

namespace PsBill.Tests.Bill.Support;

/// <summary>Valid records to send, and the classification ids they use.</summary>
internal sealed class BillSamples
{
    public BillSamples(BillSimulator simulator)
    {
        AccountId = simulator.AddChartOfAccount("Office supplies", "6100");
        DepartmentId = simulator.AddDepartment("Finance", "FIN");
    }

    public string AccountId { get; }
    public string DepartmentId { get; }

    public static Vendor Vendor(string name) => new()
    {
        Name = name,
        AccountType = "BUSINESS",
        Email = "ap@example.test",
        Address = new VendorAddress { Line1 = "1 Main Street", City = "San Jose", StateOrProvince = "CA", ZipOrPostalCode = "95002", Country = "US" },
        BillCurrency = "USD",
    };

    public VendorBill Bill(string vendorId, string invoiceNumber, params decimal[] lineAmounts) => new()
    {
        VendorId = vendorId,
        DueDate = new DateOnly(2026, 12, 31),
        Invoice = new BillInvoice { InvoiceNumber = invoiceNumber, InvoiceDate = new DateOnly(2026, 11, 1) },
        BillLineItems = (lineAmounts.Length == 0 ? [100m] : lineAmounts).Select((amount, i) => new BillLineItem
        {
            Amount = amount,
            Description = $"Line {i + 1}",
            Classifications = new LineClassifications { ChartOfAccountId = AccountId, DepartmentId = DepartmentId },
        }).ToList(),
    };
}
