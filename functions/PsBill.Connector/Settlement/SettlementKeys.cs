namespace PsBill.Connector.Settlement;

/// <summary>Reads the parts of settlement keys.</summary>
public static class SettlementKeys
{
    /// <summary>The BILL payment id of <c>payment:{paymentId}:{billId}</c>.</summary>
    /// <exception cref="FormatException">The key is not a payment key.</exception>
    public static string PaymentIdOf(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var parts = key.Split(':', 3);
        return parts.Length == 3 && parts[0] == "payment" && parts[1].Length > 0
            ? parts[1]
            : throw new FormatException($"'{key}' is not a payment key (expected payment:{{paymentId}}:{{billId}}).");
    }

    /// <summary>The business unit and voucher id of <c>voucher:{BU}:{VOUCHER_ID}</c>, or null when the key is not one.</summary>
    public static (string BusinessUnit, string VoucherId)? VoucherOf(string? voucherKey)
    {
        if (voucherKey is null) return null;
        var parts = voucherKey.Split(':', 3);
        return parts.Length == 3 && parts[0] == "voucher" && parts[1].Length > 0 && parts[2].Length > 0 ? (parts[1], parts[2]) : null;
    }
}
