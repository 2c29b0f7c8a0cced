using System.Security.Cryptography;
using System.Text;

namespace PsBill.Simulators.Bill.Webhooks;

/// <summary>BILL's notification signature: base64(HMAC-SHA256(securityKey as UTF-8, raw body)), sent as <c>x-bill-sha-signature</c>.</summary>
public static class WebhookSigner
{
    public const string Header = "x-bill-sha-signature";

    public static string Sign(ReadOnlySpan<byte> body, string securityKey) =>
        Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(securityKey), body));

    /// <summary>A fresh security key, as BILL hands out once per subscription or rotation.</summary>
    public static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
}
