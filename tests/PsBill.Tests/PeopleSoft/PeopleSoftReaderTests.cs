using PsBill.Connector.PeopleSoft;
using PsBill.Simulators.PeopleSoft;

namespace PsBill.Tests.PeopleSoft;

public sealed class PeopleSoftReaderTests
{
    [Fact]
    public async Task ReadApprovedVouchersAsync_FromStart_ReturnsEachApprovedVoucherWithItsDistributions()
    {
        await using var host = await PeopleSoftTestHost.StartAsync();
        var expected = host.Simulator.GetVouchers().Where(v => v.IsApproved).ToDictionary(v => v.Key);

        var results = await host.Reader.ReadApprovedVouchersAsync().ToListAsync();

        Assert.Equal(expected.Count, results.Count);
        var malformed = host.Simulator.Data.MalformedVouchers.Select(m => m.Key).ToHashSet();
        foreach (var voucher in results.Where(r => r.IsSuccess).Select(r => r.Record!))
        {
            var source = expected[voucher.Key];
            Assert.DoesNotContain(voucher.Key, malformed);
            Assert.Equal(source.GrossAmount, voucher.GrossAmount);
            Assert.Equal(source.InvoiceId, voucher.InvoiceId);
            Assert.Equal(source.InvoiceDate, voucher.InvoiceDate);
            Assert.Equal(source.DueDate, voucher.DueDate);
            Assert.Equal(source.VendorId, voucher.VendorId);
            Assert.Equal(source.ChangedAt, voucher.ChangedAt);
            Assert.True(voucher.IsApproved);
            Assert.Equal(source.Lines.Count, voucher.Lines.Count);
            Assert.Equal(
                source.Distributions.Select(d => (d.Account, d.DeptId, d.OperatingUnit, d.Amount, d.Description)),
                voucher.Distributions.Select(d => (d.Account, d.DeptId!, d.OperatingUnit, d.MerchandiseAmount, d.Description!)));
            Assert.Equal(voucher.GrossAmount, voucher.Lines.Sum(l => l.MerchandiseAmount));
        }
        Assert.Contains(results, r => r.IsSuccess && r.Record!.Lines.Count > 1 && r.Record.Lines.Any(l => l.Distributions.Count > 1));
    }

    [Fact]
    public async Task ReadApprovedVouchersAsync_MalformedRows_ReportedByKeyAndFieldAndReadGoesOn()
    {
        await using var host = await PeopleSoftTestHost.StartAsync();
        var spoiled = host.Simulator.Data.MalformedVouchers;
        Assert.Equal(4, spoiled.Count);

        var results = await host.Reader.ReadApprovedVouchersAsync().ToListAsync();

        var errors = results.Where(r => !r.IsSuccess).Select(r => r.Error!).ToList();
        Assert.Equal(spoiled.Select(s => (s.Key, s.Field)).Order(), errors.Select(e => (e.RecordKey, e.Field)).Order());
        Assert.Contains(errors, e => e.Field == "GROSS_AMT" && e.Reason.Contains("'12.34.56' is not an amount"));
        Assert.Contains(errors, e => e.Field == "GROSS_AMT" && e.Reason.Contains("distribution lines sum to"));
        Assert.Contains(errors, e => e.Field == "INVOICE_DT" && e.Reason.Contains("2026-02-30"));
        Assert.Contains(errors, e => e.Field == "VENDOR_ID" && e.Reason.Contains("missing"));
        // The read went on past every bad row: the last voucher in (timestamp, key) order was read.
        Assert.True(results[^1].Checkpoint!.CompareTo(errors.Count == 0 ? null : results.Last(r => !r.IsSuccess).Checkpoint) > 0);
        Assert.Equal(results.Count - errors.Count, results.Count(r => r.IsSuccess));
        Assert.Contains(host.Logs.GetSnapshot(), log => log.Message.Contains(errors[0].RecordKey) && log.Message.Contains(errors[0].Field));
    }

    [Fact]
    public async Task ReadApprovedVouchersAsync_5000VouchersMaxRows200_ReturnsEachExactlyOnce()
    {
        await using var host = await PeopleSoftTestHost.StartAsync(
            new PeopleSoftGeneratorOptions { Suppliers = 200, Vouchers = 5000, RecordsPerTimestamp = 7 },
            options => options.Queries.ApprovedVouchers.MaxRows = 200);
        var expected = host.Simulator.GetVouchers().Where(v => v.IsApproved).Select(v => v.Key).Order().ToList();

        var results = await host.Reader.ReadApprovedVouchersAsync().ToListAsync();

        var keys = results.Select(r => r.Record?.Key ?? r.Error!.RecordKey).ToList();
        Assert.Equal(keys.Count, keys.Distinct().Count());
        Assert.Equal(expected, keys.Order().ToList());
        Assert.True(host.Simulator.GetFigures().Calls > expected.Count * 3 / 200, "the read must have taken many full responses");
    }

    [Fact]
    public async Task ReadApprovedVouchersAsync_IdenticalTimestampsAcrossPageBoundaries_ReturnsEachExactlyOnce()
    {
        // 60 vouchers share each timestamp, a response holds ~45 vouchers: every boundary falls inside a run of equal timestamps.
        await using var host = await PeopleSoftTestHost.StartAsync(
            new PeopleSoftGeneratorOptions { Suppliers = 40, Vouchers = 600, RecordsPerTimestamp = 60 },
            options => options.Queries.ApprovedVouchers.MaxRows = 200);
        var expected = host.Simulator.GetVouchers().Where(v => v.IsApproved).Select(v => v.Key).Order().ToList();

        var results = await host.Reader.ReadApprovedVouchersAsync().ToListAsync();

        var keys = results.Select(r => r.Record?.Key ?? r.Error!.RecordKey).ToList();
        Assert.Equal(expected, keys.Order().ToList());
        var checkpoints = results.Select(r => r.Checkpoint!).ToList();
        Assert.All(checkpoints.Zip(checkpoints.Skip(1)), pair => Assert.True(pair.First.CompareTo(pair.Second) < 0));
    }

    [Fact]
    public async Task ReadApprovedVouchersAsync_GreaterOrEqualQueryWithoutKeyPrompts_ReturnsEachExactlyOnce()
    {
        await using var host = await PeopleSoftTestHost.StartAsync(
            new PeopleSoftGeneratorOptions { Suppliers = 40, Vouchers = 1000, RecordsPerTimestamp = 5 },
            options =>
            {
                options.Queries.ApprovedVouchers.Name = PeopleSoftSimulatorQueries.ApprovedVouchersSince;
                options.Queries.ApprovedVouchers.AfterKeyPrompts = "";
                options.Queries.ApprovedVouchers.MaxRows = 100;
            });
        var expected = host.Simulator.GetVouchers().Where(v => v.IsApproved).Select(v => v.Key).Order().ToList();

        var results = await host.Reader.ReadApprovedVouchersAsync().ToListAsync();

        Assert.Equal(expected, results.Select(r => r.Record?.Key ?? r.Error!.RecordKey).Order().ToList());
    }

    [Fact]
    public async Task ReadApprovedVouchersAsync_MoreRowsAtOneTimestampThanMaxRowsWithoutKeyPrompts_ThrowsClearError()
    {
        await using var host = await PeopleSoftTestHost.StartAsync(
            new PeopleSoftGeneratorOptions { Suppliers = 20, Vouchers = 100, RecordsPerTimestamp = 100 },
            options =>
            {
                options.Queries.ApprovedVouchers.Name = PeopleSoftSimulatorQueries.ApprovedVouchersSince;
                options.Queries.ApprovedVouchers.AfterKeyPrompts = "";
                options.Queries.ApprovedVouchers.MaxRows = 50;
            });

        var error = await Assert.ThrowsAsync<PeopleSoftException>(async () => await host.Reader.ReadApprovedVouchersAsync().ToListAsync());

        Assert.Equal(PeopleSoftErrorCode.PageCannotAdvance, error.Code);
        Assert.Equal(PeopleSoftErrorKind.Configuration, error.Kind);
        Assert.Contains("Raise PsBill:PeopleSoft:Queries:ApprovedVouchers:MaxRows", error.Message);
    }

    [Fact]
    public async Task ReadApprovedVouchersAsync_FromPersistedCheckpoint_ReturnsOnlyLaterChanges()
    {
        await using var host = await PeopleSoftTestHost.StartAsync();
        var first = await host.Reader.ReadApprovedVouchersAsync().ToListAsync();
        var stored = first[^1].Checkpoint!.Serialize();
        var pending = host.Simulator.GetVouchers().First(v => v.ApprovalStatus == "P");
        var approved = host.Simulator.GetVouchers().First(v => v.IsApproved && v.RawOverrides is null && v.Lines.Count == 1 && v.Lines[0].Distributions.Count == 1);

        host.Simulator.ApproveVoucher(pending.BusinessUnit, pending.VoucherId);
        host.Simulator.ChangeVoucher(approved.BusinessUnit, approved.VoucherId, v => v with
        {
            GrossAmount = 42.50m,
            Lines = [v.Lines[0] with { Distributions = [v.Lines[0].Distributions[0] with { Amount = 42.50m }] }],
        });
        var second = await host.Reader.ReadApprovedVouchersAsync(PeopleSoftCheckpoint.Parse(stored)).ToListAsync();

        Assert.Equal([pending.Key, approved.Key], second.Select(r => r.Record!.Key));
        Assert.Equal(42.50m, second[1].Record!.GrossAmount);
        Assert.Empty(await host.Reader.ReadApprovedVouchersAsync(second[^1].Checkpoint).ToListAsync());
    }

    [Fact]
    public async Task ReadApprovedVouchersAsync_ResumedMidway_NothingSkippedNothingRepeated()
    {
        await using var host = await PeopleSoftTestHost.StartAsync(
            new PeopleSoftGeneratorOptions { Suppliers = 30, Vouchers = 400 },
            options => options.Queries.ApprovedVouchers.MaxRows = 50);
        var all = (await host.Reader.ReadApprovedVouchersAsync().ToListAsync()).Select(r => r.Record?.Key ?? r.Error!.RecordKey).ToList();

        var firstPart = new List<PeopleSoftReadResult<PeopleSoftVoucher>>();
        await foreach (var result in host.Reader.ReadApprovedVouchersAsync())
        {
            firstPart.Add(result);
            if (firstPart.Count == 77) break; // the process stops here; the checkpoint of the 77th was persisted
        }
        var rest = await host.Reader.ReadApprovedVouchersAsync(firstPart[^1].Checkpoint).ToListAsync();

        Assert.Equal(all, firstPart.Concat(rest).Select(r => r.Record?.Key ?? r.Error!.RecordKey).ToList());
    }

    [Fact]
    public async Task ReadSuppliersAsync_FromStart_ReturnsSuppliersWithCurrentAddressAndReportsMalformed()
    {
        await using var host = await PeopleSoftTestHost.StartAsync();
        var expected = host.Simulator.GetSuppliers().ToDictionary(s => s.Key);

        var results = await host.Reader.ReadSuppliersAsync().ToListAsync();

        Assert.Equal(expected.Count, results.Count);
        var error = Assert.Single(results, r => !r.IsSuccess).Error!;
        Assert.Equal((host.Simulator.Data.MalformedSuppliers[0].Key, "NAME1"), (error.RecordKey, error.Field));
        foreach (var supplier in results.Where(r => r.IsSuccess).Select(r => r.Record!))
        {
            var source = expected[supplier.Key];
            var current = source.Addresses.Where(a => a.SequenceNumber == 1).MaxBy(a => a.EffectiveDate)!;
            Assert.Equal(source.Name, supplier.Name);
            Assert.Equal(source.Status, supplier.Status);
            Assert.Equal(current.Address1, supplier.Address!.Address1);
            Assert.Equal(current.City, supplier.Address.City);
            Assert.Equal(current.Email, supplier.Email);
            Assert.Equal(current.Phone, supplier.Phone);
        }
        Assert.Contains(results, r => r.Record?.Status == "I");
        Assert.Contains(results, r => r.Record?.Name.Any(c => c > 127) == true);
    }

    [Fact]
    public async Task ReadSuppliersAsync_FromCheckpoint_ReturnsOnlyTheChangedSupplier()
    {
        await using var host = await PeopleSoftTestHost.StartAsync(configure: options => options.Queries.Suppliers.MaxRows = 10);
        var first = await host.Reader.ReadSuppliersAsync().ToListAsync();
        var target = host.Simulator.GetSuppliers().First(s => s.Status == "A" && s.RawOverrides is null);

        host.Simulator.ChangeSupplier(target.SetId, target.VendorId, s => s with { Name = "Société Nouvelle – 新しい" });
        var second = await host.Reader.ReadSuppliersAsync(first[^1].Checkpoint).ToListAsync();

        var changed = Assert.Single(second).Record!;
        Assert.Equal((target.Key, "Société Nouvelle – 新しい"), (changed.Key, changed.Name));
    }

    [Fact]
    public async Task ReadGlAccountsAsync_EffectiveDatedRows_ReturnsTheCurrentRowOfEachAccount()
    {
        await using var host = await PeopleSoftTestHost.StartAsync(configure: options => options.Queries.GlAccounts.MaxRows = 5);

        var accounts = (await host.Reader.ReadGlAccountsAsync().ToListAsync()).Select(r => r.Record!).ToList();

        var share = accounts.Where(a => a.SetId == "SHARE").ToDictionary(a => a.Account);
        Assert.Equal("Freight In", share["690000"].Description);
        Assert.Equal("Office Supplies", share["610000"].Description);
        Assert.False(share["695000"].IsActive);
        Assert.True(share["200000"].IsActive);
        Assert.Equal("L", share["200000"].AccountType);
        Assert.DoesNotContain("699000", share.Keys);
        Assert.Equal(accounts.Count, accounts.Select(a => (a.SetId, a.Account)).Distinct().Count());
        Assert.Equal(2, accounts.Select(a => a.SetId).Distinct().Count());
    }

    [Fact]
    public async Task ReadDepartmentsAsync_EffectiveDatedRows_ReturnsTheCurrentRowOfEachDepartment()
    {
        await using var host = await PeopleSoftTestHost.StartAsync();

        var departments = (await host.Reader.ReadDepartmentsAsync().ToListAsync()).Select(r => r.Record!).ToList();

        var share = departments.Where(d => d.SetId == "SHARE").ToDictionary(d => d.DeptId);
        Assert.Equal("IT & Digital", share["30000"].Description);
        Assert.Equal(new DateOnly(2023, 3, 1), share["30000"].EffectiveDate);
        Assert.DoesNotContain("60000", share.Keys);
        Assert.Contains(PeopleSoftDataGenerator.DepartmentMissingFromBill, share.Keys);
    }

    [Fact]
    public async Task GetVoucherPaymentStatusAsync_NoPayments_ReturnsEmpty()
    {
        await using var host = await PeopleSoftTestHost.StartAsync();
        var voucher = host.Simulator.GetVouchers().First(v => v.IsApproved);

        var status = await host.Reader.GetVoucherPaymentStatusAsync(voucher.BusinessUnit, voucher.VoucherId);

        Assert.Empty(status.Payments);
        Assert.Equal(0m, status.AmountPaid);
    }
}
