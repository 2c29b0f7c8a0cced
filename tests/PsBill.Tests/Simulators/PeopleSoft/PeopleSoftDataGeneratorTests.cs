using PsBill.Simulators.PeopleSoft;

namespace PsBill.Tests.Simulators.PeopleSoft;

public sealed class PeopleSoftDataGeneratorTests
{
    private static string Fingerprint(PeopleSoftDataSet data) => string.Join("\n",
        data.Suppliers.Select(s => $"{s.Key}|{s.Name}|{s.Status}|{s.ChangedAt:O}|{s.Addresses.Count}")
            .Concat(data.Vouchers.Select(v => $"{v.Key}|{v.VendorId}|{v.GrossAmount}|{v.ApprovalStatus}|{v.ChangedAt:O}|" +
                string.Join(",", v.Distributions.Select(d => $"{d.Account}/{d.DeptId}/{d.Amount}")))));

    [Fact]
    public void Generate_SameSeed_SameData()
    {
        var options = new PeopleSoftGeneratorOptions { Seed = 11, Suppliers = 40, Vouchers = 300 };

        Assert.Equal(Fingerprint(PeopleSoftDataGenerator.Generate(options)), Fingerprint(PeopleSoftDataGenerator.Generate(options)));
    }

    [Fact]
    public void Generate_OtherSeed_OtherData()
    {
        var a = PeopleSoftDataGenerator.Generate(new PeopleSoftGeneratorOptions { Seed = 1 });
        var b = PeopleSoftDataGenerator.Generate(new PeopleSoftGeneratorOptions { Seed = 2 });

        Assert.NotEqual(Fingerprint(a), Fingerprint(b));
    }

    [Fact]
    public void Generate_Defaults_CoverWhatTheConnectorMustHandle()
    {
        var data = PeopleSoftDataGenerator.Generate(new PeopleSoftGeneratorOptions { Suppliers = 60, Vouchers = 400 });

        Assert.Equal(60, data.Suppliers.Count);
        Assert.Equal(400, data.Vouchers.Count);
        Assert.Equal(["CA001", "US001", "US002"], data.Vouchers.Select(v => v.BusinessUnit).Distinct().Order());
        Assert.Equal(["CAN01", "SHARE"], data.Suppliers.Select(s => s.SetId).Distinct().Order());
        Assert.Contains(data.Vouchers, v => v.ApprovalStatus == "P");
        Assert.Contains(data.Vouchers, v => v.ApprovalStatus == "D");
        Assert.Contains(data.Suppliers, s => s.Status == "I");
        Assert.Contains(data.Suppliers, s => s.Name.Any(c => c > 127));
        Assert.Contains(data.Vouchers, v => v.Lines.Count > 1 && v.Lines.Any(l => l.Distributions.Count > 1));
        Assert.True(data.Vouchers.GroupBy(v => v.ChangedAt).Any(g => g.Count() > 1), "some vouchers share a timestamp");
        Assert.Equal(4, data.MalformedVouchers.Count);
        Assert.Single(data.MalformedSuppliers);
    }

    [Fact]
    public void Generate_VouchersOnAccountsMissingFromBill_ListedAndReallyUseThem()
    {
        var data = PeopleSoftDataGenerator.Generate(new PeopleSoftGeneratorOptions { Vouchers = 400 });
        var left = data.AccountsToLeaveOutOfBill.Select(a => a.Id).Concat(data.DepartmentsToLeaveOutOfBill.Select(d => d.Id)).ToHashSet();

        Assert.NotEmpty(data.VouchersOnAccountsMissingFromBill);
        foreach (var key in data.VouchersOnAccountsMissingFromBill)
        {
            var voucher = data.Vouchers.Single(v => v.Key == key);
            Assert.True(voucher.IsApproved);
            Assert.Contains(voucher.Distributions, d => left.Contains(d.Account) || left.Contains(d.DeptId));
        }
        var others = data.Vouchers.Where(v => !data.VouchersOnAccountsMissingFromBill.Contains(v.Key));
        Assert.DoesNotContain(others, v => v.Distributions.Any(d => left.Contains(d.Account) || left.Contains(d.DeptId)));
        Assert.Contains(data.AccountsToLeaveOutOfBill, a => a == new SetupKey("SHARE", PeopleSoftDataGenerator.AccountMissingFromBill));
    }

    [Fact]
    public void Generate_Vouchers_PointAtApprovedSuppliersOfTheirSetId()
    {
        var data = PeopleSoftDataGenerator.Generate();
        var suppliers = data.Suppliers.ToDictionary(s => (s.SetId, s.VendorId));

        foreach (var voucher in data.Vouchers.Where(v => v.RawOverrides is null))
        {
            var supplier = suppliers[(voucher.VendorSetId, voucher.VendorId)];
            Assert.Equal("A", supplier.Status);
            Assert.Equal(voucher.BusinessUnit == "CA001" ? "CAN01" : "SHARE", supplier.SetId);
        }
    }

    [Fact]
    public void CurrentAccounts_EffectiveDatedRows_KeepsTheCurrentActiveOnes()
    {
        var data = PeopleSoftDataGenerator.Generate();

        var current = data.CurrentAccounts(new DateOnly(2026, 1, 5)).Where(a => a.SetId == "SHARE").ToDictionary(a => a.Id);

        Assert.Equal("Freight In", current["690000"].Description);
        Assert.DoesNotContain("695000", current.Keys);
        Assert.DoesNotContain("699000", current.Keys);
        Assert.Contains(PeopleSoftDataGenerator.AccountMissingFromBill, current.Keys);
        Assert.DoesNotContain(data.AccountsForBill(new DateOnly(2026, 1, 5)), a => a.Id == PeopleSoftDataGenerator.AccountMissingFromBill);
        Assert.DoesNotContain(data.DepartmentsForBill(new DateOnly(2026, 1, 5)), d => d.Id == PeopleSoftDataGenerator.DepartmentMissingFromBill);
        Assert.Contains(data.DepartmentsForBill(new DateOnly(2026, 1, 5)), d => d.Id == "10000");
    }
}
