using System.Net;
using PsBill.Connector.PeopleSoft;

namespace PsBill.Tests.PeopleSoft;

public sealed class IbResponseTests
{
    [Fact]
    public void TryParse_FaultWithOnlyTheMessageText_ReadsSetAndNumberFromTheText()
    {
        const string fault = """
            <SOAP-ENV:Envelope xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/"><SOAP-ENV:Body><SOAP-ENV:Fault>
            <faultcode>SOAP-ENV:Server</faultcode><faultstring>OperationFailed</faultstring>
            <detail><IBResponse type="error"><DefaultTitle>Integration Broker Response</DefaultTitle><StatusCode>20</StatusCode>
            <MessageID>45</MessageID><DefaultMessage>User password failed. (158,45)</DefaultMessage>
            <MessageParameters><keyinformation>PSBILL</keyinformation></MessageParameters></IBResponse></detail>
            </SOAP-ENV:Fault></SOAP-ENV:Body></SOAP-ENV:Envelope>
            """;

        var ib = IbResponse.TryParse(fault)!;

        Assert.Equal((158, 45), (ib.MessageSetId, ib.MessageId));
        Assert.True(ib.IsAuthenticationFailure);
        Assert.Equal(["PSBILL"], ib.Parameters);
    }

    [Fact]
    public void FromResponse_IbResponseCarryingTheOperatorId_MasksIt()
    {
        const string body = """<IBResponse type="error"><MessageSetID>158</MessageSetID><MessageID>45</MessageID><DefaultMessage>User password failed for PSBILL. (158,45)</DefaultMessage><MessageParameters><p>PSBILL</p></MessageParameters></IBResponse>""";

        var error = PeopleSoftFailures.FromResponse(HttpStatusCode.InternalServerError, body, "query X", new PeopleSoftCredential("PSBILL", "pw"));

        Assert.Equal(PeopleSoftErrorKind.Authentication, error.Kind);
        Assert.DoesNotContain("PSBILL", error.Message);
        Assert.DoesNotContain("PSBILL", error.MessageText);
        Assert.Equal(["<oprid>"], error.MessageParameters);
    }

    [Fact]
    public void FromResponse_ShortOperatorId_MasksOnlyWholeWords()
    {
        const string body = """<IBResponse type="error"><DefaultMessage>PeopleSoft user PS is locked (pw=Secret1).</DefaultMessage></IBResponse>""";

        var error = PeopleSoftFailures.FromResponse(HttpStatusCode.InternalServerError, body, "query X", new PeopleSoftCredential("PS", "Secret1"));

        Assert.Equal("PeopleSoft user <oprid> is locked (pw=***).", error.MessageText);
    }

    [Theory]
    [InlineData("")]
    [InlineData("<html><body>503 Service Unavailable</body></html>")]
    [InlineData("{\"status\":\"error\"}")]
    public void TryParse_NoIbResponse_ReturnsNull(string body) => Assert.Null(IbResponse.TryParse(body));
}
