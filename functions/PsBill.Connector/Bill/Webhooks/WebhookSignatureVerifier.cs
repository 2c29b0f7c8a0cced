using System.Security.Cryptography;
using System.Text;
using PsBill.Connector.Credentials;

namespace PsBill.Connector.Bill.Webhooks;

/// <summary>
/// Checks BILL's <c>x-bill-sha-signature</c> header: base64(HMAC-SHA256(securityKey, raw body bytes)). Verify the raw
/// bytes before parsing anything. During a key rotation both the current and the previous key verify
/// (<see cref="SecretNames.WebhookSecurityKey"/>, <see cref="SecretNames.WebhookPreviousSecurityKey"/>).
/// The key is used as its UTF-8 bytes; what exactly BILL signs is unconfirmed, and the raw body is the safe reading:
/// both choices live here and nowhere else.
/// </summary>
public sealed class WebhookSignatureVerifier
{
    /// <summary>The header BILL puts the signature in.</summary>
    public const string SignatureHeader = "x-bill-sha-signature";

    private readonly ISecretStore _secrets;

    public WebhookSignatureVerifier(ISecretStore secrets) => _secrets = secrets;

    /// <summary>True when <paramref name="signature"/> matches <paramref name="body"/> under the current or the previous key.</summary>
    public async Task<bool> VerifyAsync(ReadOnlyMemory<byte> body, string? signature, CancellationToken cancellationToken = default)
    {
        var current = await _secrets.TryGetAsync(SecretNames.WebhookSecurityKey, cancellationToken).ConfigureAwait(false);
        var previous = await _secrets.TryGetAsync(SecretNames.WebhookPreviousSecurityKey, cancellationToken).ConfigureAwait(false);
        return Verify(body.Span, signature, [current, previous]);
    }

    /// <summary>True when <paramref name="signature"/> matches <paramref name="body"/> under any of <paramref name="securityKeys"/>
    /// (null or empty keys are skipped). Every key is checked, in constant time, whatever the outcome of the others.</summary>
    public static bool Verify(ReadOnlySpan<byte> body, string? signature, IEnumerable<string?> securityKeys)
    {
        ArgumentNullException.ThrowIfNull(securityKeys);
        if (string.IsNullOrWhiteSpace(signature)) return false;
        Span<byte> presented = stackalloc byte[HMACSHA256.HashSizeInBytes];
        if (!Convert.TryFromBase64String(signature.Trim(), presented, out var written) || written != HMACSHA256.HashSizeInBytes) return false;

        var matched = false;
        Span<byte> expected = stackalloc byte[HMACSHA256.HashSizeInBytes];
        foreach (var key in securityKeys)
        {
            if (string.IsNullOrEmpty(key)) continue;
            HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), body, expected);
            matched |= CryptographicOperations.FixedTimeEquals(expected, presented);
        }

        return matched;
    }

    /// <summary>The signature BILL would send for <paramref name="body"/> under <paramref name="securityKey"/>.</summary>
    public static string Sign(ReadOnlySpan<byte> body, string securityKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(securityKey);
        return Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(securityKey), body));
    }
}
