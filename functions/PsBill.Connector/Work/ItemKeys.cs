namespace PsBill.Connector.Work;

/// <summary>The source keys that name a record everywhere: in work items, the ledger and the audit trail.</summary>
public static class ItemKeys
{
    /// <summary><c>supplier:{SETID}:{VENDOR_ID}</c>.</summary>
    public static string Supplier(string setId, string vendorId) => $"{WorkItemKind.Supplier.Value}:{setId}:{vendorId}";

    /// <summary><c>voucher:{BUSINESS_UNIT}:{VOUCHER_ID}</c>.</summary>
    public static string Voucher(string businessUnit, string voucherId) => $"{WorkItemKind.Voucher.Value}:{businessUnit}:{voucherId}";

    /// <summary><c>payment:{BILL payment id}:{BILL bill id}</c>.</summary>
    public static string Payment(string billPaymentId, string billId) => $"{WorkItemKind.Payment.Value}:{billPaymentId}:{billId}";

    /// <summary>The kind a key belongs to (<c>voucher</c> for <c>voucher:US001:1</c>).</summary>
    /// <exception cref="ArgumentException">The key has no kind prefix.</exception>
    public static WorkItemKind KindOf(string key)
    {
        var colon = key.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0) throw new ArgumentException($"Item key '{key}' has no kind prefix (expected e.g. 'voucher:US001:00012345').", nameof(key));
        return new WorkItemKind(key[..colon]);
    }

    /// <summary>The BILL payment id of a payment key (<c>payment:{payment}:{bill}</c>).</summary>
    /// <exception cref="ArgumentException">The key is not a payment key.</exception>
    public static string PaymentIdOf(string key)
    {
        var parts = key.Split(':');
        if (parts.Length != 3 || parts[0] != WorkItemKind.Payment.Value || parts[1].Length == 0)
            throw new ArgumentException($"Item key '{key}' is not a payment key (expected 'payment:{{BILL payment id}}:{{bill id}}').", nameof(key));
        return parts[1];
    }
}
