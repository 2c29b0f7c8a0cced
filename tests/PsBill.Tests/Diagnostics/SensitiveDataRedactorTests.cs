using PsBill.Connector.Diagnostics;

namespace PsBill.Tests.Diagnostics;

public sealed class SensitiveDataRedactorTests
{
    private readonly SensitiveDataRedactor _redactor = SensitiveDataRedactor.Default;

    [Fact]
    public void RedactBody_BillLoginJson_MasksCredentialsKeepsTheRest()
    {
        const string body = """{"username":"ap@example.com","password":"hunter2-pw","organizationId":"00801ABC","devKey":"DEV-KEY-123","trusted":false}""";

        var redacted = _redactor.RedactBody(body, "application/json");

        Assert.DoesNotContain("ap@example.com", redacted);
        Assert.DoesNotContain("hunter2-pw", redacted);
        Assert.DoesNotContain("DEV-KEY-123", redacted);
        Assert.DoesNotContain("00801ABC", redacted);
        Assert.Contains("\"password\":\"***\"", redacted);
        Assert.Contains("\"trusted\":false", redacted);
    }

    [Fact]
    public void RedactBody_NestedSessionIdAndSecurityKey_AreMaskedAtAnyDepth()
    {
        const string body = """{"data":[{"sessionId":"SESSION-1"},{"subscription":{"SecurityKey":"whsec-abc","name":"psbill"}}]}""";

        var redacted = _redactor.RedactBody(body);

        Assert.DoesNotContain("SESSION-1", redacted);
        Assert.DoesNotContain("whsec-abc", redacted);
        Assert.Contains("psbill", redacted);
    }

    [Fact]
    public void RedactBody_TruncatedJson_IsMaskedByPattern()
    {
        const string body = """{"sessionId":"SESSION-2","devKey": "DEV-9", "password":"unterminat""";

        var redacted = _redactor.RedactBody(body, "application/json");

        Assert.DoesNotContain("SESSION-2", redacted);
        Assert.DoesNotContain("DEV-9", redacted);
        Assert.DoesNotContain("unterminat", redacted);
    }

    [Fact]
    public void RedactBody_SoapUsernameToken_MasksPasswordAndUsername()
    {
        const string body = """
            <soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:wsse="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd">
              <soapenv:Header><wsse:Security><wsse:UsernameToken>
                <wsse:Username>VP1</wsse:Username>
                <wsse:Password Type="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText">PS-pass-word</wsse:Password>
              </wsse:UsernameToken></wsse:Security></soapenv:Header>
              <soapenv:Body><Get__CompIntfc__VNDR_ID><VENDOR_ID>0000012</VENDOR_ID></Get__CompIntfc__VNDR_ID></soapenv:Body>
            </soapenv:Envelope>
            """;

        var redacted = _redactor.RedactBody(body, "text/xml");

        Assert.DoesNotContain("PS-pass-word", redacted);
        Assert.DoesNotContain(">VP1<", redacted);
        Assert.Contains("<wsse:Password Type=", redacted);
        Assert.Contains("***</wsse:Password>", redacted);
        Assert.Contains("<VENDOR_ID>0000012</VENDOR_ID>", redacted);
    }

    [Fact]
    public void RedactBody_FormEncoded_MasksCredentialFields()
    {
        var redacted = _redactor.RedactBody("userName=a%40b.com&password=p%40ss&orgId=008x&devKey=KEY&sessionId=S1", "application/x-www-form-urlencoded");

        Assert.Equal("userName=***&password=***&orgId=008x&devKey=***&sessionId=***", redacted);
    }

    [Theory]
    [InlineData("Authorization", "Basic VlAxOlZQMQ==", "Basic ***")]
    [InlineData("authorization", "Bearer eyJabc", "Bearer ***")]
    [InlineData("devKey", "DEV-KEY-123", "***")]
    [InlineData("SessionId", "SESSION-3", "***")]
    [InlineData("x-psbill-admin-key", "admin", "***")]
    [InlineData("Content-Type", "application/json", "application/json")]
    public void RedactHeader_KnownHeaders_AreMaskedOthersKept(string name, string value, string expected)
    {
        Assert.Equal(expected, _redactor.RedactHeader(name, value));
    }

    [Fact]
    public void RedactUrl_CredentialsInQueryOrUserInfo_AreMasked()
    {
        var redacted = _redactor.RedactUrl(new Uri("https://VP1:secret-pw@erp.example.com:8443/PSIGW/x?sessionId=S9&maxrows=100&password=pw2"));

        Assert.DoesNotContain("secret-pw", redacted);
        Assert.DoesNotContain("VP1", redacted);
        Assert.DoesNotContain("S9", redacted);
        Assert.DoesNotContain("pw2", redacted);
        Assert.Contains("maxrows=100", redacted);
        Assert.Contains("erp.example.com:8443/PSIGW/x", redacted);
    }

    [Fact]
    public void RedactBody_UnknownTextWithJsonInside_IsStillMasked()
    {
        var redacted = _redactor.RedactBody("login failed for payload {\"password\":\"plain-pw\"}", "text/plain");

        Assert.DoesNotContain("plain-pw", redacted);
    }
}
