namespace PsBill.Simulators.PeopleSoft;

/// <summary>What the simulator starts with, usually made by <see cref="PeopleSoftDataGenerator"/>.</summary>
public sealed class PeopleSoftDataSet
{
    /// <summary>Suppliers across the SETIDs.</summary>
    public List<SimulatedSupplier> Suppliers { get; init; } = [];

    /// <summary>Vouchers across the business units: approved, pending, denied, a few malformed.</summary>
    public List<SimulatedVoucher> Vouchers { get; init; } = [];

    /// <summary>GL account rows, every effective date.</summary>
    public List<SimulatedSetupRow> GlAccounts { get; init; } = [];

    /// <summary>Department rows, every effective date.</summary>
    public List<SimulatedSetupRow> Departments { get; init; } = [];

    /// <summary>GL accounts some vouchers use that the sandbox must NOT create in BILL (so those vouchers park).</summary>
    public List<SetupKey> AccountsToLeaveOutOfBill { get; init; } = [];

    /// <summary>Departments some vouchers use that the sandbox must NOT create in BILL.</summary>
    public List<SetupKey> DepartmentsToLeaveOutOfBill { get; init; } = [];

    /// <summary>Vouchers spoiled on purpose, with the field the reader should name.</summary>
    public List<MalformedRecord> MalformedVouchers { get; init; } = [];

    /// <summary>Suppliers spoiled on purpose, with the field the reader should name.</summary>
    public List<MalformedRecord> MalformedSuppliers { get; init; } = [];

    /// <summary>Keys of the approved vouchers that use an account or department left out of BILL.</summary>
    public List<string> VouchersOnAccountsMissingFromBill { get; init; } = [];

    /// <summary>The current (today's), active GL accounts per SETID; subtract <see cref="AccountsToLeaveOutOfBill"/> before seeding BILL's chart of accounts.</summary>
    public IEnumerable<SimulatedSetupRow> CurrentAccounts(DateOnly today) => Current(GlAccounts, today);

    /// <summary>The current (today's), active departments per SETID; subtract <see cref="DepartmentsToLeaveOutOfBill"/> before seeding BILL.</summary>
    public IEnumerable<SimulatedSetupRow> CurrentDepartments(DateOnly today) => Current(Departments, today);

    /// <summary>What the sandbox seeds BILL's chart of accounts with: the current active accounts less <see cref="AccountsToLeaveOutOfBill"/>.</summary>
    public IEnumerable<SimulatedSetupRow> AccountsForBill(DateOnly today) =>
        CurrentAccounts(today).Where(a => !AccountsToLeaveOutOfBill.Contains(new SetupKey(a.SetId, a.Id)));

    /// <summary>What the sandbox seeds BILL's departments with: the current active departments less <see cref="DepartmentsToLeaveOutOfBill"/>.</summary>
    public IEnumerable<SimulatedSetupRow> DepartmentsForBill(DateOnly today) =>
        CurrentDepartments(today).Where(d => !DepartmentsToLeaveOutOfBill.Contains(new SetupKey(d.SetId, d.Id)));

    private static IEnumerable<SimulatedSetupRow> Current(IEnumerable<SimulatedSetupRow> rows, DateOnly today) =>
        rows.Where(r => r.EffectiveDate <= today)
            .GroupBy(r => (r.SetId, r.Id))
            .Select(g => g.MaxBy(r => r.EffectiveDate)!)
            .Where(r => r.EffectiveStatus == "A");
}
