using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using PsBill.Connector.Bill;

namespace PsBill.Connector.Sync.Engine;

/// <summary>The hash of what would be sent to BILL: equal hashes mean nothing changed, so nothing is sent.</summary>
public static class PayloadHash
{
    /// <summary>SHA-256 (hex) of the payload's JSON as the BILL client writes it.</summary>
    public static string Of<T>(T payload) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(payload, BillJson.Options))));
}
