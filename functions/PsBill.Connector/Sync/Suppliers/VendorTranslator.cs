using Microsoft.Extensions.Options;
using PsBill.Connector.Bill.Models;
using PsBill.Connector.PeopleSoft;
using PsBill.Connector.Sync.Engine;
using PsBill.Connector.Sync.Ledger;

namespace PsBill.Connector.Sync.Suppliers;

/// <summary>
/// PeopleSoft supplier -> BILL vendor: name, address, email, phone, payee, currency. BILL has no external-id field, so the
/// PeopleSoft key travels in the vendor's <c>shortName</c> as <c>SETID:VENDOR_ID</c> (16 characters at most): with the recorded
/// name it identifies the vendor again after an unknown outcome. <c>accountNumber</c> is left for its real use (the
/// customer's account number with the vendor, printed on checks).
/// </summary>
public sealed class VendorTranslator(IOptions<SyncOptions> options)
{
    /// <summary>The marker kept in the vendor's <c>shortName</c>.</summary>
    public static string Marker(string setId, string vendorId) => $"{setId}:{vendorId}";

    /// <summary>What to do with a supplier key, given its stored PeopleSoft record.</summary>
    public SyncPlan<Vendor> Plan(string key, PeopleSoftSupplier? supplier)
    {
        if (supplier is null)
            return SyncPlan<Vendor>.Park(key, $"{key}: no PeopleSoft record is stored for it; it is read again on the next supplier poll", ParkCause.Data);

        if (!supplier.IsApproved)
        {
            var status = $"{key} is {StatusText(supplier.Status)} in PeopleSoft (VENDOR_STATUS {supplier.Status})";
            return options.Value.ArchiveInactiveVendors
                ? SyncPlan<Vendor>.Archive(key, status)
                : SyncPlan<Vendor>.Skip(key, $"{status}; not sent to BILL (PsBill:Sync:ArchiveInactiveVendors is off)");
        }

        var name = supplier.Name.Trim();
        if (name.Length == 0) return SyncPlan<Vendor>.Park(key, $"{key}: NAME1 is empty; BILL needs a vendor name", ParkCause.Data);

        var marker = Marker(supplier.SetId, supplier.VendorId);
        var vendor = new Vendor
        {
            Name = name,
            ShortName = marker,
            AccountType = "BUSINESS",
            Email = Blank(supplier.Email),
            Phone = Blank(supplier.Phone),
            Address = Address(supplier.Address),
            PaymentInformation = new VendorPaymentInformation { PayeeName = name, Email = Blank(supplier.Email) },
            BillCurrency = options.Value.SetIdCurrencyMap.GetValueOrDefault(supplier.SetId) ?? options.Value.DefaultCurrency,
        };
        return SyncPlan<Vendor>.Send(key, vendor, new SyncDetail { Name = name, Marker = marker }) with
        {
            MatchKeys = new Adoption.MatchKeys(supplier.TaxId, supplier.BankAccountNumber, supplier.BankRoutingNumber),
        };
    }

    private static VendorAddress? Address(PeopleSoftAddress? address)
    {
        if (address is null || string.IsNullOrWhiteSpace(address.Address1)) return null;
        var line2 = string.Join(", ", new[] { address.Address2, address.Address3 }.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s!.Trim()));
        return new VendorAddress
        {
            Line1 = address.Address1.Trim(),
            Line2 = line2.Length == 0 ? null : line2,
            City = Blank(address.City),
            StateOrProvince = Blank(address.State),
            ZipOrPostalCode = Blank(address.PostalCode),
            Country = CountryCodes.ToAlpha2(address.Country),
        };
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string StatusText(string status) => status switch
    {
        "I" => "inactive",
        "U" => "unapproved",
        _ => $"not approved",
    };
}
