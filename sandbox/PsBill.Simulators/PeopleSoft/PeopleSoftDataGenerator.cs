using System.Globalization;

namespace PsBill.Simulators.PeopleSoft;

/// <summary>
/// Makes a PeopleSoft's worth of data from a seed: suppliers across SETIDs (some inactive or unapproved, names in
/// many scripts), vouchers across business units with several lines and distributions, pending and denied ones,
/// a few malformed on purpose, and a few on a GL account or department that BILL will not have. Effective-dated
/// setup tables carry history, an inactivated account and future-dated rows. Deterministic: no clock, one seeded Random.
/// </summary>
public static class PeopleSoftDataGenerator
{
    /// <summary>The account some vouchers use that BILL will not have.</summary>
    public const string AccountMissingFromBill = "679000";

    /// <summary>The department some vouchers use that BILL will not have.</summary>
    public const string DepartmentMissingFromBill = "99900";

    private static readonly string[] ExpenseAccounts = ["610000", "620000", "630000", "640000", "650000", "660000", "670000", "690000"];
    private static readonly string[] Departments = ["10000", "20000", "30000", "40000", "50000"];
    private static readonly string[] OperatingUnits = ["HQ", "EAST", "WEST"];

    private static readonly string[] NameStems =
    [
        "Acme Industrial Supply", "Blue Ridge Logistics", "Cedar Office Products", "Delta Facilities Services",
        "Evergreen Software", "Fulton Electric", "Granite Consulting Group", "Harbor Freight Lines",
        "Müller Präzisionstechnik", "Société Générale de Fournitures", "東京商事株式会社", "Ødegaard Maskin",
        "Łódź Tekstylia", "Çelik Yapı A.Ş.", "José Peña Distribución", "Αθηνά Εμπορική", "Смирнов и партнёры",
        "Nguyễn Trading", "O'Brien & Sons", "Zürich Data AG",
    ];

    private static readonly string[] Items =
    [
        "Printer paper", "Laptop docking stations", "Freight charges", "Consulting hours", "Software subscription",
        "Janitorial services", "Mobile phone plan", "Trade show booth", "Safety equipment", "Café supplies – naïve blend",
    ];

    private static readonly (string City, string? State, string Postal, string Country)[] UsCities =
        [("Chicago", "IL", "60601", "USA"), ("Austin", "TX", "73301", "USA"), ("Denver", "CO", "80202", "USA"), ("Boston", "MA", "02108", "USA")];

    private static readonly (string City, string? State, string Postal, string Country)[] CaCities =
        [("Montréal", "QC", "H2Y 1C6", "CAN"), ("Toronto", "ON", "M5H 2N2", "CAN"), ("Vancouver", "BC", "V6B 1A1", "CAN")];

    /// <summary>Makes the data set described by <paramref name="options"/>.</summary>
    public static PeopleSoftDataSet Generate(PeopleSoftGeneratorOptions? options = null)
    {
        options ??= new PeopleSoftGeneratorOptions();
        var random = new Random(options.Seed);
        var setIds = options.BusinessUnits.Values.Distinct().Order(StringComparer.Ordinal).ToList();
        var data = new PeopleSoftDataSet();

        foreach (var setId in setIds)
        {
            AddAccounts(data.GlAccounts, setId);
            AddDepartments(data.Departments, setId);
            data.AccountsToLeaveOutOfBill.Add(new SetupKey(setId, AccountMissingFromBill));
            data.DepartmentsToLeaveOutOfBill.Add(new SetupKey(setId, DepartmentMissingFromBill));
        }

        AddSuppliers(data, options, setIds, random);
        AddVouchers(data, options, random);
        return data;
    }

    private static void AddSuppliers(PeopleSoftDataSet data, PeopleSoftGeneratorOptions options, List<string> setIds, Random random)
    {
        var nextVendor = setIds.ToDictionary(s => s, _ => 0);
        for (var i = 0; i < options.Suppliers; i++)
        {
            // The first SETID (the shared one) gets most suppliers, as in most shops.
            var setId = setIds.Count == 1 || random.NextDouble() < 0.7 ? setIds[0] : setIds[1 + random.Next(setIds.Count - 1)];
            var vendorId = (++nextVendor[setId]).ToString("D10", CultureInfo.InvariantCulture);
            var roll = random.NextDouble();
            var status = roll < options.InactiveSupplierShare ? "I" : roll < options.InactiveSupplierShare + 0.03 ? "U" : "A";
            var name = NameStems[random.Next(NameStems.Length)] + (i >= NameStems.Length ? $" {i / NameStems.Length + 1}" : "");
            var cities = setId == setIds[0] ? UsCities : CaCities;
            var city = cities[random.Next(cities.Length)];
            var slug = new string(name.Where(char.IsAsciiLetterOrDigit).Take(12).ToArray()).ToLowerInvariant();
            var addresses = new List<SimulatedAddress>
            {
                // An old address, superseded: the reader must take the newer row.
                new(1, new DateOnly(2015, 1, 1), "A", $"{random.Next(1, 999)} Old Mill Road", null, city.City, city.State, city.Postal, city.Country,
                    $"ap@{slug}.example", null),
                new(1, new DateOnly(2022, 6, 1), "A", $"{random.Next(1, 9999)} Main Street", $"Suite {random.Next(100, 999)}", city.City, city.State, city.Postal, city.Country,
                    $"billing@{slug}.example", $"+1 555 {random.Next(100, 999)} {random.Next(1000, 9999)}"),
            };
            if (random.NextDouble() < 0.3)
                addresses.Add(new(2, new DateOnly(2020, 1, 1), "A", $"PO Box {random.Next(100, 9999)}", null, city.City, city.State, city.Postal, city.Country, null, null));
            var changedAt = options.FirstChange.AddSeconds(i / Math.Max(1, options.RecordsPerTimestamp));
            data.Suppliers.Add(new SimulatedSupplier(setId, vendorId, name, status, changedAt, addresses));
        }

        // Spoil a few approved suppliers near the end (not the ones vouchers are likeliest to use).
        foreach (var supplier in data.Suppliers.Where(s => s.Status == "A").Reverse().Take(options.MalformedSuppliers).ToList())
        {
            var index = data.Suppliers.IndexOf(supplier);
            data.Suppliers[index] = supplier with { RawOverrides = new Dictionary<string, string?> { ["NAME1"] = "" } };
            data.MalformedSuppliers.Add(new MalformedRecord(supplier.Key, "NAME1"));
        }
    }

    private static void AddVouchers(PeopleSoftDataSet data, PeopleSoftGeneratorOptions options, Random random)
    {
        var businessUnits = options.BusinessUnits.Keys.Order(StringComparer.Ordinal).ToList();
        var payable = data.Suppliers.Where(s => s.Status == "A" && s.RawOverrides is null).GroupBy(s => s.SetId).ToDictionary(g => g.Key, g => g.ToList());
        var nextVoucher = businessUnits.ToDictionary(b => b, _ => 0);
        var missingEvery = options.MissingFromBillShare <= 0 ? int.MaxValue : Math.Max(2, (int)Math.Round(1 / options.MissingFromBillShare));
        var approvedCount = 0;

        for (var i = 0; i < options.Vouchers; i++)
        {
            var businessUnit = businessUnits[random.Next(businessUnits.Count)];
            var setId = options.BusinessUnits[businessUnit];
            if (!payable.TryGetValue(setId, out var suppliers) || suppliers.Count == 0)
                suppliers = payable.Values.FirstOrDefault() ?? throw new InvalidOperationException("The generator needs at least one approved supplier.");
            var supplier = suppliers[random.Next(suppliers.Count)];
            var voucherId = (++nextVoucher[businessUnit]).ToString("D8", CultureInfo.InvariantCulture);

            var roll = random.NextDouble();
            var approval = roll < options.PendingShare ? "P" : roll < options.PendingShare + options.DeniedShare ? "D" : "A";
            var missingFromBill = approval == "A" && (approvedCount++ % missingEvery) == missingEvery / 2;

            var lines = new List<SimulatedVoucherLine>();
            var lineCount = 1 + random.Next(3);
            for (var l = 1; l <= lineCount; l++)
            {
                var item = Items[random.Next(Items.Length)];
                var distributions = new List<SimulatedDistribution>();
                var distributionCount = 1 + random.Next(3);
                for (var d = 1; d <= distributionCount; d++)
                {
                    var account = ExpenseAccounts[random.Next(ExpenseAccounts.Length)];
                    var dept = Departments[random.Next(Departments.Length)];
                    if (missingFromBill && l == 1 && d == 1)
                    {
                        if (random.Next(2) == 0) account = AccountMissingFromBill;
                        else dept = DepartmentMissingFromBill;
                    }
                    var amount = random.Next(500, 250_000) / 100m;
                    distributions.Add(new SimulatedDistribution(d, businessUnit, account, dept, OperatingUnits[random.Next(OperatingUnits.Length)], amount, $"{item} ({d}/{distributionCount})"));
                }
                lines.Add(new SimulatedVoucherLine(l, item, distributions));
            }

            var invoiceDate = DateOnly.FromDateTime(options.FirstChange).AddDays(-random.Next(1, 60));
            var changedAt = options.FirstChange.AddSeconds(i / Math.Max(1, options.RecordsPerTimestamp));
            var voucher = new SimulatedVoucher(
                businessUnit, voucherId, $"INV-{supplier.VendorId[^4..]}-{i + 1:D6}", invoiceDate, supplier.SetId, supplier.VendorId,
                lines.SelectMany(l => l.Distributions).Sum(d => d.Amount), invoiceDate.AddDays(30), invoiceDate,
                "P", approval, random.NextDouble() < 0.5 ? "P" : "U", "O", changedAt, lines);
            data.Vouchers.Add(voucher);
            if (missingFromBill) data.VouchersOnAccountsMissingFromBill.Add(voucher.Key);
        }

        SpoilVouchers(data, options);
    }

    /// <summary>Spoils approved vouchers spread through the set, one kind after another.</summary>
    private static void SpoilVouchers(PeopleSoftDataSet data, PeopleSoftGeneratorOptions options)
    {
        var candidates = data.Vouchers.Where(v => v.IsApproved && !data.VouchersOnAccountsMissingFromBill.Contains(v.Key)).ToList();
        if (candidates.Count == 0 || options.MalformedVouchers <= 0) return;
        var step = Math.Max(1, candidates.Count / (options.MalformedVouchers + 1));
        for (var k = 0; k < options.MalformedVouchers && (k + 1) * step < candidates.Count; k++)
        {
            var voucher = candidates[(k + 1) * step];
            var (spoiled, field) = (k % 4) switch
            {
                0 => (voucher with { RawOverrides = new Dictionary<string, string?> { ["GROSS_AMT"] = "12.34.56" } }, "GROSS_AMT"),
                1 => (voucher with { RawOverrides = new Dictionary<string, string?> { ["INVOICE_DT"] = "2026-02-30" } }, "INVOICE_DT"),
                2 => (voucher with { GrossAmount = voucher.GrossAmount + 10m }, "GROSS_AMT"),
                _ => (voucher with { RawOverrides = new Dictionary<string, string?> { ["VENDOR_ID"] = null } }, "VENDOR_ID"),
            };
            data.Vouchers[data.Vouchers.IndexOf(voucher)] = spoiled;
            data.MalformedVouchers.Add(new MalformedRecord(voucher.Key, field));
        }
    }

    private static void AddAccounts(List<SimulatedSetupRow> rows, string setId)
    {
        var opened = new DateOnly(2010, 1, 1);
        rows.Add(new(setId, "100000", opened, "A", "Cash - Operating", "A"));
        rows.Add(new(setId, "200000", opened, "A", "Accounts Payable - Trade", "L"));
        rows.Add(new(setId, "610000", opened, "A", "Office Supplies", "E"));
        rows.Add(new(setId, "620000", opened, "A", "Travel & Entertainment", "E"));
        rows.Add(new(setId, "630000", opened, "A", "Software Subscriptions", "E"));
        rows.Add(new(setId, "640000", opened, "A", "Professional Services", "E"));
        rows.Add(new(setId, "650000", opened, "A", "Facilities", "E"));
        rows.Add(new(setId, "660000", opened, "A", "Telecommunications", "E"));
        rows.Add(new(setId, "670000", opened, "A", "Marketing", "E"));
        rows.Add(new(setId, AccountMissingFromBill, opened, "A", "Legacy Suspense", "E"));
        // History: renamed in 2021; the reader must return the newer description.
        rows.Add(new(setId, "690000", opened, "A", "Freight", "E"));
        rows.Add(new(setId, "690000", new DateOnly(2021, 7, 1), "A", "Freight In", "E"));
        // Inactivated: the current row is inactive.
        rows.Add(new(setId, "695000", opened, "A", "Old Equipment", "E"));
        rows.Add(new(setId, "695000", new DateOnly(2024, 1, 1), "I", "Old Equipment", "E"));
        // Future-dated: does not exist yet, and an existing account's future rename is not current either.
        rows.Add(new(setId, "699000", new DateOnly(2099, 1, 1), "A", "Not Yet Open", "E"));
        rows.Add(new(setId, "610000", new DateOnly(2099, 1, 1), "A", "Office Supplies (future name)", "E"));
    }

    private static void AddDepartments(List<SimulatedSetupRow> rows, string setId)
    {
        var opened = new DateOnly(2010, 1, 1);
        rows.Add(new(setId, "10000", opened, "A", "Finance"));
        rows.Add(new(setId, "20000", opened, "A", "Operations"));
        rows.Add(new(setId, "30000", opened, "A", "Information Technology"));
        rows.Add(new(setId, "30000", new DateOnly(2023, 3, 1), "A", "IT & Digital"));
        rows.Add(new(setId, "40000", opened, "A", "Sales"));
        rows.Add(new(setId, "50000", opened, "A", "Human Resources"));
        rows.Add(new(setId, DepartmentMissingFromBill, opened, "A", "Closed Projects"));
        rows.Add(new(setId, "60000", new DateOnly(2099, 1, 1), "A", "Future Department"));
    }
}
