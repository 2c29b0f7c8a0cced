using Microsoft.Extensions.Options;
using PsBill.Connector.PeopleSoft;
using PsBill.Connector.Storage.Mappings;
using PsBill.Connector.Sync;
using PsBill.Connector.Sync.ReferenceData;

namespace PsBill.Tests.Sync;

/// <summary>Small PeopleSoft records and mappings for the translation tests.</summary>
internal static class SyncSamples
{
    public static IOptions<SyncOptions> Options(Action<SyncOptions>? change = null)
    {
        var options = new SyncOptions();
        change?.Invoke(options);
        return Microsoft.Extensions.Options.Options.Create(options);
    }

    public static PeopleSoftVoucher Voucher(params (string Account, string? Dept, decimal Amount)[] distributions)
    {
        var lines = distributions.Select((d, i) => new PeopleSoftDistributionLine(1, i + 1, "US001", d.Account, d.Dept, "HQ", null, null, d.Amount, $"Item {i + 1}")).ToList();
        return new PeopleSoftVoucher("US001", "00000042", "INV-42", new DateOnly(2026, 1, 2), "SHARE", "0000000007",
            lines.Sum(l => l.MerchandiseAmount), new DateOnly(2026, 2, 1), new DateOnly(2026, 1, 2), "P", "A", "U", "O",
            new DateTime(2026, 1, 5, 8, 0, 0, DateTimeKind.Unspecified), [new PeopleSoftVoucherLine(1, lines.Sum(l => l.MerchandiseAmount), lines)]);
    }

    public static MappingTable Mappings() => new(
    [
        new Mapping(MappingKinds.Account, "SHARE:610000", "0ca-610"),
        new Mapping(MappingKinds.Account, "SHARE:620000", "0ca-620"),
        new Mapping(MappingKinds.Department, "SHARE:10000", "0de-10"),
        new Mapping(MappingKinds.OperatingUnit, "HQ", "0de-hq"),
    ]);

    public static PeopleSoftSupplier Supplier(string status = "A", string country = "USA") => new("SHARE", "0000000007", " Acme Industrial Supply ", status,
        new PeopleSoftAddress(1, "1 Main Street", "Suite 100", null, "Chicago", "IL", "60601", country), "ap@acme.example", "+1 555 100 2000",
        new DateTime(2026, 1, 5, 8, 0, 0, DateTimeKind.Unspecified));
}
