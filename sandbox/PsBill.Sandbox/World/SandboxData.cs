using PsBill.Simulators.Bill;
using PsBill.Simulators.PeopleSoft;

namespace PsBill.Sandbox.World;

/// <summary>The seeded data of a sandbox world: PeopleSoft's, and the BILL classifications that match it.</summary>
public static class SandboxData
{
    /// <summary>
    /// Generates PeopleSoft's data. Supplier names are made unique: the generator draws names from a short list, and BILL's
    /// duplicate-vendor figure counts same-named vendors, so two distinct suppliers with one name would read as a connector
    /// duplicate. (The connector itself tells same-named suppliers apart by the <c>shortName</c> marker.)
    /// </summary>
    public static PeopleSoftDataSet Generate(SandboxSettings settings)
    {
        var data = PeopleSoftDataGenerator.Generate(new PeopleSoftGeneratorOptions { Suppliers = settings.Suppliers, Vouchers = settings.Vouchers, Seed = settings.Seed });
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < data.Suppliers.Count; i++)
        {
            var supplier = data.Suppliers[i];
            if (used.Add(supplier.Name.Trim())) continue;
            var unique = $"{supplier.Name} ({supplier.SetId} {supplier.VendorId})";
            used.Add(unique);
            data.Suppliers[i] = supplier with { Name = unique };
        }
        return data;
    }

    /// <summary>
    /// Seeds BILL's chart of accounts and departments from PeopleSoft's current, active ones, less those the generator marks as
    /// missing from BILL (the vouchers on them must park). One organization has one chart: an account number in two SETIDs is one entry.
    /// </summary>
    public static void SeedBill(BillSimulator bill, PeopleSoftDataSet data, DateOnly today)
    {
        var leftOutAccounts = data.AccountsToLeaveOutOfBill.Select(k => k.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var account in data.CurrentAccounts(today).Where(a => !leftOutAccounts.Contains(a.Id)).DistinctBy(a => a.Id))
            bill.AddChartOfAccount(account.Description, account.Id, account.AccountType == "E" ? "EXPENSE" : "OTHER_CURRENT_ASSET");

        var leftOutDepartments = data.DepartmentsToLeaveOutOfBill.Select(k => k.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var department in data.CurrentDepartments(today).Where(d => !leftOutDepartments.Contains(d.Id)).DistinctBy(d => d.Id))
            bill.AddDepartment(department.Description, department.Id);
    }
}
