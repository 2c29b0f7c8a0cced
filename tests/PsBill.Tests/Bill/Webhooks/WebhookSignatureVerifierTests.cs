using System.Text;
using PsBill.Connector.Bill.Webhooks;
using PsBill.Connector.Credentials;
using PsBill.Simulators.Bill.Webhooks;

namespace PsBill.Tests.Bill.Webhooks;

/// <summary>The signature check on raw bytes, with both keys during a rotation.</summary>
public sealed class WebhookSignatureVerifierTests
{
    private const string Key = "current-security-key";
    private const string OldKey = "previous-security-key";
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"metadata":{"eventId":"e1","eventType":"payment.updated"},"payment":{"id":"stp1","amount":70}}""");

    [Fact]
    public void Verify_SignatureMadeTheWayBillSigns_IsAccepted()
    {
        var signature = WebhookSigner.Sign(Body, Key); // the simulator's signer, written from BILL's description

        Assert.True(WebhookSignatureVerifier.Verify(Body, signature, [Key]));
    }

    [Fact]
    public void Verify_BodyAlteredAfterSigning_IsRefused()
    {
        var signature = WebhookSignatureVerifier.Sign(Body, Key);
        var altered = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(Body).Replace("\"amount\":70", "\"amount\":7000", StringComparison.Ordinal));

        Assert.False(WebhookSignatureVerifier.Verify(altered, signature, [Key]));
    }

    [Fact]
    public void Verify_SignatureMadeWithAnotherKey_IsRefused()
    {
        var forged = WebhookSignatureVerifier.Sign(Body, "attacker-key");

        Assert.False(WebhookSignatureVerifier.Verify(Body, forged, [Key, OldKey]));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not base64 at all")]
    [InlineData("c2hvcnQ=")]
    public void Verify_MissingOrMalformedSignature_IsRefused(string? signature)
    {
        Assert.False(WebhookSignatureVerifier.Verify(Body, signature, [Key]));
    }

    [Fact]
    public void Verify_NoKeyConfigured_IsRefused()
    {
        Assert.False(WebhookSignatureVerifier.Verify(Body, WebhookSignatureVerifier.Sign(Body, Key), [null, ""]));
    }

    [Fact]
    public async Task VerifyAsync_DuringRotation_BothTheCurrentAndThePreviousKeyVerify()
    {
        var secrets = new InMemorySecretStore(new Dictionary<string, string>
        {
            [SecretNames.WebhookSecurityKey] = Key,
            [SecretNames.WebhookPreviousSecurityKey] = OldKey,
        });
        var verifier = new WebhookSignatureVerifier(secrets);

        Assert.True(await verifier.VerifyAsync(Body, WebhookSignatureVerifier.Sign(Body, Key)));
        Assert.True(await verifier.VerifyAsync(Body, WebhookSignatureVerifier.Sign(Body, OldKey)));
        Assert.False(await verifier.VerifyAsync(Body, WebhookSignatureVerifier.Sign(Body, "older-still")));
    }
}
