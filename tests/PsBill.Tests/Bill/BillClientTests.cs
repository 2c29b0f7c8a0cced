using PsBill.Connector.Bill;
using PsBill.Connector.Bill.Lists;
using PsBill.Connector.Bill.Models;
using PsBill.Simulators.Bill;
using PsBill.Tests.Bill.Support;

namespace PsBill.Tests.Bill;

/// <summary>Contract tests: the client against the simulated BILL over real HTTP on 127.0.0.1.</summary>
public sealed class BillClientTests : IAsyncLifetime
{
    private BillSimulator _simulator = null!;
    private BillTestHost _host = null!;
    private BillSamples _samples = null!;

    private BillClient Client => _host.Client;

    public async Task InitializeAsync()
    {
        _simulator = await BillSimulator.StartAsync();
        _host = BillTestHost.Create(_simulator);
        _samples = new BillSamples(_simulator);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _simulator.DisposeAsync();
    }

    [Fact]
    public async Task CreateVendorAsync_ThenGetAndFindByName_ReturnsTheSameVendor()
    {
        var created = await Client.CreateVendorAsync(BillSamples.Vendor("Acme, Inc."));

        var read = await Client.GetVendorAsync(created.Id!);
        var found = await Client.FindVendorsByNameAsync("Acme, Inc.").ToListAsync();

        Assert.StartsWith("009", created.Id);
        Assert.Equal("Acme, Inc.", read.Name);
        Assert.Equal("San Jose", read.Address?.City);
        Assert.Equal(created.Id, Assert.Single(found).Id);
        Assert.Empty(await Client.FindVendorsByNameAsync("Acme").ToListAsync());
        Assert.Single(await Client.FindVendorsByNameAsync("Acme", startsWith: true).ToListAsync());
    }

    [Fact]
    public async Task FindVendorsByNameAsync_NameWithQuotesAndOtherCase_FindsOnlyThatVendor()
    {
        var quoted = await Client.CreateVendorAsync(BillSamples.Vendor("Joe's \"Best\" Tools"));
        await Client.CreateVendorAsync(BillSamples.Vendor("Joe's Hardware"));

        var found = await Client.FindVendorsByNameAsync("  joe's \"best\" tools ").ToListAsync();

        Assert.Equal(quoted.Id, Assert.Single(found).Id);
    }

    [Fact]
    public async Task UpdateVendorAsync_ChangedEmail_OnlyThatFieldChanges()
    {
        var created = await Client.CreateVendorAsync(BillSamples.Vendor("Globex"));

        var updated = await Client.UpdateVendorAsync(created.Id!, new Vendor { Email = "billing@globex.test" });

        Assert.Equal("billing@globex.test", updated.Email);
        Assert.Equal("Globex", updated.Name);
        Assert.Equal("US", updated.Address?.Country);
    }

    [Fact]
    public async Task ArchiveVendorAsync_Twice_StaysArchivedAndRestoreBringsItBack()
    {
        var created = await Client.CreateVendorAsync(BillSamples.Vendor("Initech"));

        await Client.ArchiveVendorAsync(created.Id!);
        var archivedTwice = await Client.ArchiveVendorAsync(created.Id!);
        var restored = await Client.RestoreVendorAsync(created.Id!);

        Assert.True(archivedTwice.Archived);
        Assert.False(restored.Archived);
    }

    [Fact]
    public async Task CreateBillAsync_ClassifiedLines_ReturnsAmountAsSumOfLinesAndLineIds()
    {
        var vendor = await Client.CreateVendorAsync(BillSamples.Vendor("Hooli"));

        var bill = await Client.CreateBillAsync(_samples.Bill(vendor.Id!, "INV-1", 149m, 79.99m));

        Assert.Equal(228.99m, bill.Amount);
        Assert.Equal(228.99m, bill.DueAmount);
        Assert.Equal(BillPaymentStatus.Unpaid, bill.PaymentStatus);
        Assert.Equal(new DateOnly(2026, 12, 31), bill.DueDate);
        Assert.All(bill.BillLineItems!, line => Assert.False(string.IsNullOrEmpty(line.Id)));
        Assert.Equal(_samples.AccountId, bill.BillLineItems![0].Classifications?.ChartOfAccountId);
    }

    [Fact]
    public async Task CreateBillAsync_MissingInvoice_ThrowsRejectedWithBillsErrorArray()
    {
        var vendor = await Client.CreateVendorAsync(BillSamples.Vendor("Umbrella"));

        var ex = await Assert.ThrowsAsync<BillApiException>(() => Client.CreateBillAsync(_samples.Bill(vendor.Id!, "X") with { Invoice = null }));

        Assert.Equal(BillFailureKind.Rejected, ex.Kind);
        Assert.Equal(400, ex.Status);
        Assert.Contains("invoice", ex.Message, StringComparison.OrdinalIgnoreCase);
        Assert.NotEmpty(ex.Errors);
        Assert.False(ex.IsOutcomeUnknown);
        Assert.Equal(0, _simulator.GetFigures().Bills);
    }

    [Fact]
    public async Task CreateBillAsync_ArchivedChartOfAccount_IsRejectedAndCountedAsInvalidLine()
    {
        var vendor = await Client.CreateVendorAsync(BillSamples.Vendor("Stark"));
        _simulator.SetClassificationArchived(_samples.AccountId, archived: true);

        var ex = await Assert.ThrowsAsync<BillApiException>(() => Client.CreateBillAsync(_samples.Bill(vendor.Id!, "INV-9")));

        Assert.True(ex.IsRejection);
        Assert.Contains("chartOfAccountId", ex.Message, StringComparison.Ordinal);
        Assert.Equal(1, _simulator.GetFigures().InvalidLineClassifications);
    }

    [Fact]
    public async Task GetBillAsync_UnknownId_ThrowsNotFound()
    {
        var ex = await Assert.ThrowsAsync<BillApiException>(() => Client.GetBillAsync("00n00000000000000000"));

        Assert.Equal(BillFailureKind.NotFound, ex.Kind);
        Assert.Equal(404, ex.Status);
    }

    [Fact]
    public async Task ListVendorsAsync_MoreThanOnePage_FollowsNextPageToTheEnd()
    {
        for (var i = 0; i < 25; i++) _simulator.AddVendor($"Vendor {i:D2}");
        var callsBefore = _simulator.GetFigures().Calls;

        var vendors = await Client.ListVendorsAsync(new BillListQuery { PageSize = 10, SortField = "name", SortDescending = true }).ToListAsync();

        Assert.Equal(25, vendors.Count);
        Assert.Equal(25, vendors.Select(v => v.Id).Distinct().Count());
        Assert.Equal("Vendor 24", vendors[0].Name);
        Assert.Equal("Vendor 00", vendors[^1].Name);
        Assert.Equal(3 + 1, _simulator.GetFigures().Calls - callsBefore); // three pages, plus the login
    }

    [Fact]
    public async Task FindBillsAsync_VendorAndInvoiceNumber_ReturnsOnlyThatBill()
    {
        var vendor = await Client.CreateVendorAsync(BillSamples.Vendor("Wayne"));
        var other = await Client.CreateVendorAsync(BillSamples.Vendor("Kent"));
        var wanted = await Client.CreateBillAsync(_samples.Bill(vendor.Id!, "INV-7"));
        await Client.CreateBillAsync(_samples.Bill(vendor.Id!, "INV-8"));
        await Client.CreateBillAsync(_samples.Bill(other.Id!, "INV-7"));

        var found = await Client.FindBillsAsync(vendor.Id!, "INV-7").ToListAsync();

        Assert.Equal(wanted.Id, Assert.Single(found).Id);
    }

    [Fact]
    public async Task UpdateBillAsync_LineById_ChangesThatLineAndTheAmount()
    {
        var vendor = await Client.CreateVendorAsync(BillSamples.Vendor("Tyrell"));
        var bill = await Client.CreateBillAsync(_samples.Bill(vendor.Id!, "INV-3", 100m, 50m));
        var firstLine = bill.BillLineItems![0];

        var updated = await Client.UpdateBillAsync(bill.Id!, new VendorBill { BillLineItems = [new BillLineItem { Id = firstLine.Id, Amount = 120m }] });

        Assert.Equal(170m, updated.Amount);
        Assert.Equal(2, updated.BillLineItems!.Count);
        Assert.Equal(firstLine.Id, updated.BillLineItems[0].Id);
    }

    [Fact]
    public async Task ReplaceBillAsync_NewLineSet_ReplacesTheLines()
    {
        var vendor = await Client.CreateVendorAsync(BillSamples.Vendor("Cyberdyne"));
        var bill = await Client.CreateBillAsync(_samples.Bill(vendor.Id!, "INV-4", 100m, 50m));

        var replaced = await Client.ReplaceBillAsync(bill.Id!, _samples.Bill(vendor.Id!, "INV-4", 29.99m));

        Assert.Equal(29.99m, replaced.Amount);
        Assert.Single(replaced.BillLineItems!);
        Assert.Equal(bill.Id, replaced.Id);
    }

    [Fact]
    public async Task ArchiveBillAsync_ExistingBill_IsArchived()
    {
        var vendor = await Client.CreateVendorAsync(BillSamples.Vendor("Soylent"));
        var bill = await Client.CreateBillAsync(_samples.Bill(vendor.Id!, "INV-5"));

        var archived = await Client.ArchiveBillAsync(bill.Id!);

        Assert.True(archived.Archived);
        Assert.True((await Client.GetBillAsync(bill.Id!)).Archived);
    }

    [Fact]
    public async Task RecordPaymentAsync_PartOfTheBill_BillBecomesPartial()
    {
        var vendor = await Client.CreateVendorAsync(BillSamples.Vendor("Oscorp"));
        var bill = await Client.CreateBillAsync(_samples.Bill(vendor.Id!, "INV-6", 100m));

        var payment = await Client.RecordPaymentAsync(new RecordPaymentRequest
        {
            VendorId = vendor.Id!,
            ProcessDate = new DateOnly(2026, 11, 20),
            Payments = [new RecordPaymentAllocation { BillId = bill.Id!, Amount = 70m }],
        });
        var after = await Client.GetBillAsync(bill.Id!);

        Assert.StartsWith("stp", payment.Id);
        Assert.Equal(70m, payment.Amount);
        Assert.Equal(BillPaymentStatus.Partial, after.PaymentStatus);
        Assert.Equal(30m, after.DueAmount);
    }

    [Fact]
    public async Task CreateChartOfAccountsInBulkAsync_ThenList_ReturnsThemWithAccountNumbers()
    {
        var created = await Client.CreateChartOfAccountsInBulkAsync(
        [
            new ChartOfAccount { Name = "Travel", Account = new ChartOfAccountAccount { Type = "EXPENSE", Number = "6200" } },
            new ChartOfAccount { Name = "Meals", Account = new ChartOfAccountAccount { Type = "EXPENSE", Number = "6300" } },
        ]);

        var listed = await Client.ListChartOfAccountsAsync(BillListQuery.Where(BillFilter.Eq("account.number", "6300"))).ToListAsync();

        Assert.Equal(2, created.Count);
        Assert.Equal("Meals", Assert.Single(listed).Name);
        Assert.Equal(created[0].Id, (await Client.GetChartOfAccountAsync(created[0].Id!)).Id);
    }

    [Fact]
    public async Task CreateDepartmentAsync_ThenListNotArchived_IncludesIt()
    {
        var created = await Client.CreateDepartmentAsync(new Department { Name = "Sales", ShortName = "SLS" });

        var listed = await Client.ListDepartmentsAsync(BillListQuery.Where(BillFilter.Eq("archived", false))).ToListAsync();
        var bulk = await Client.CreateDepartmentsInBulkAsync([new Department { Name = "Legal" }]);

        Assert.Contains(listed, d => d.Id == created.Id);
        Assert.Contains(listed, d => d.Id == _samples.DepartmentId);
        Assert.Equal("Legal", Assert.Single(bulk).Name);
    }

    [Fact]
    public async Task GetSessionDetailsAsync_AfterLogout_LogsInAgain()
    {
        var details = await Client.GetSessionDetailsAsync();
        await Client.LogoutAsync();
        await Client.GetSessionDetailsAsync();

        Assert.Equal(_simulator.Credentials.OrganizationId, details.OrganizationId);
        Assert.Equal(2, Client.LoginCount);
        Assert.Equal(0, _simulator.GetFigures().Rejected.SessionInvalid);
    }

    [Fact]
    public async Task CreateVendorsInBulkAsync_TwentyOne_ThrowsBeforeCallingBill()
    {
        var vendors = Enumerable.Range(0, 21).Select(i => BillSamples.Vendor($"V{i}")).ToList();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Client.CreateVendorsInBulkAsync(vendors));

        Assert.Equal(0, _simulator.GetFigures().Calls);
    }
}
