namespace PsBill.Simulators.PeopleSoft;

/// <summary>What <see cref="PeopleSoftDataGenerator"/> makes. The same options (seed included) give the same data.</summary>
public sealed class PeopleSoftGeneratorOptions
{
    /// <summary>The random seed. Default 42.</summary>
    public int Seed { get; set; } = 42;

    /// <summary>Suppliers to make. Default 50.</summary>
    public int Suppliers { get; set; } = 50;

    /// <summary>Vouchers to make (approved, pending, denied). Default 200.</summary>
    public int Vouchers { get; set; } = 200;

    /// <summary>Business units and the SETID of their suppliers and setup tables.</summary>
    public Dictionary<string, string> BusinessUnits { get; set; } = new()
    {
        ["US001"] = "SHARE",
        ["US002"] = "SHARE",
        ["CA001"] = "CAN01",
    };

    /// <summary>Share of vouchers pending approval. Default 0.10.</summary>
    public double PendingShare { get; set; } = 0.10;

    /// <summary>Share of vouchers denied. Default 0.05.</summary>
    public double DeniedShare { get; set; } = 0.05;

    /// <summary>Share of suppliers inactive. Default 0.08 (and a few unapproved).</summary>
    public double InactiveSupplierShare { get; set; } = 0.08;

    /// <summary>Approved vouchers spoiled on purpose (bad amount, bad date, distributions off, missing vendor). Default 4.</summary>
    public int MalformedVouchers { get; set; } = 4;

    /// <summary>Suppliers spoiled on purpose (missing name). Default 1.</summary>
    public int MalformedSuppliers { get; set; } = 1;

    /// <summary>Share of approved vouchers on an account or department that BILL will not have. Default 0.02 (at least one).</summary>
    public double MissingFromBillShare { get; set; } = 0.02;

    /// <summary>How many consecutive records share one last-changed timestamp: several do in real batch loads,
    /// and a page boundary in the middle of them is what the checkpoint must survive. Default 7.</summary>
    public int RecordsPerTimestamp { get; set; } = 7;

    /// <summary>The first last-changed timestamp. Default 2026-01-05 08:00:00.</summary>
    public DateTime FirstChange { get; set; } = new(2026, 1, 5, 8, 0, 0, DateTimeKind.Unspecified);
}
