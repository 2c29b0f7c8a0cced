using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using PsBill.Simulators.PeopleSoft;

namespace PsBill.Tests.Simulators.PeopleSoft;

/// <summary>The simulator's wire format, checked with a bare HttpClient against the documented shapes.</summary>
public sealed class PeopleSoftSimulatorTests
{
    private static async Task<PeopleSoftSimulator> StartAsync() =>
        await PeopleSoftSimulator.StartAsync(new PeopleSoftSimulatorOptions { Generator = new PeopleSoftGeneratorOptions { Suppliers = 20, Vouchers = 60 } });

    private static HttpClient ClientFor(PeopleSoftSimulator simulator, string? password = null)
    {
        var http = new HttpClient { BaseAddress = simulator.BaseUrl };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{simulator.Options.OperatorId}:{password ?? simulator.Options.Password}")));
        return http;
    }

    private const string VoucherQuery =
        "PSIGW/RESTListeningConnector/PSFT_EP/ExecuteQuery.v1/PUBLIC/PSB_APPROVED_VOUCHERS/JSON/NONFILE?isconnectedquery=N&maxrows=3" +
        "&prompt_uniquepromptname=LASTUPDDTTM,BUSINESS_UNIT,VOUCHER_ID&prompt_fieldvalue=1900-01-01-00.00.00.000000,%20,%20&json_resp=true";

    [Fact]
    public async Task ExecuteQuery_Vouchers_AnswersTheDocumentedJsonShape()
    {
        await using var simulator = await StartAsync();
        using var http = ClientFor(simulator);

        var text = await http.GetStringAsync(VoucherQuery);

        using var json = JsonDocument.Parse(text);
        Assert.Equal("success", json.RootElement.GetProperty("status").GetString());
        var query = json.RootElement.GetProperty("data").GetProperty("query");
        Assert.Contains("\"queryname=\":\"PSB_APPROVED_VOUCHERS\"", text);
        Assert.Equal(3, query.GetProperty("numrows").GetInt32());
        var rows = query.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal([1, 2, 3], rows.Select(r => r.GetProperty("attr:rownumber").GetInt32()));
        Assert.Equal(JsonValueKind.String, rows[0].GetProperty("A.VOUCHER_ID").ValueKind);
        Assert.Equal(JsonValueKind.Number, rows[0].GetProperty("C.MERCHANDISE_AMT").ValueKind);
        Assert.Matches(@"^\d{4}-\d\d-\d\d-\d\d\.\d\d\.\d\d\.\d{6}$", rows[0].GetProperty("A.LASTUPDDTTM").GetString());
    }

    [Fact]
    public async Task ExecuteQuery_WrongPassword_Answers401()
    {
        await using var simulator = await StartAsync();
        using var http = ClientFor(simulator, password: "nope");

        using var response = await http.GetAsync(VoucherQuery);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(1, simulator.GetFigures().AuthenticationFailures);
    }

    [Fact]
    public async Task ExecuteQuery_PromptMissing_AnswersIbResponse()
    {
        await using var simulator = await StartAsync();
        using var http = ClientFor(simulator);

        using var response = await http.GetAsync(VoucherQuery.Replace("LASTUPDDTTM,BUSINESS_UNIT,VOUCHER_ID", "LASTUPDDTTM,BUSINESS_UNIT,OTHER"));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("<IBResponse type=\"error\">", body);
        Assert.Contains("requires prompt VOUCHER_ID", body);
    }

    [Fact]
    public async Task ComponentInterface_BadUsernameToken_AnswersUserPasswordFailedFault()
    {
        await using var simulator = await StartAsync();
        using var http = new HttpClient { BaseAddress = simulator.BaseUrl };
        const string envelope = """
            <soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Header>
            <wsse:Security xmlns:wsse="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd"><wsse:UsernameToken>
            <wsse:Username>PSBILL</wsse:Username><wsse:Password>wrong</wsse:Password></wsse:UsernameToken></wsse:Security></soapenv:Header>
            <soapenv:Body><Get__CompIntfc__PSB_VCHR_PYMNT xmlns="http://xmlns.oracle.com/Enterprise/Tools/schemas/Get__CompIntfc__PSB_VCHR_PYMNT.V1">
            <BUSINESS_UNIT>US001</BUSINESS_UNIT><VOUCHER_ID>00000001</VOUCHER_ID></Get__CompIntfc__PSB_VCHR_PYMNT></soapenv:Body></soapenv:Envelope>
            """;
        using var request = new HttpRequestMessage(HttpMethod.Post, "PSIGW/PeopleSoftServiceListeningConnector/PSFT_EP")
        {
            Content = new StringContent(envelope, Encoding.UTF8, "text/xml"),
        };
        request.Headers.Add("SOAPAction", "CI_PSB_VCHR_PYMNT_G.V1");

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("SOAP-ENV:Fault", body);
        Assert.Contains("User password failed. (158,45)", body);
    }

    [Fact]
    public async Task FailNext_503Burst_FailsThatManyCallsThenAnswers()
    {
        await using var simulator = await StartAsync();
        using var http = ClientFor(simulator);
        simulator.Faults.FailNext(2, 503);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await http.GetAsync(VoucherQuery);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.ServiceUnavailable, HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK], statuses);
        Assert.Equal(2, simulator.GetFigures().FaultsInjected);
    }

    [Fact]
    public async Task ApproveVoucher_Pending_StampedAfterEveryOtherChange()
    {
        await using var simulator = await StartAsync();
        var pending = simulator.GetVouchers().First(v => v.ApprovalStatus == "P");
        var newest = simulator.GetVouchers().Max(v => v.ChangedAt);

        var approved = simulator.ApproveVoucher(pending.BusinessUnit, pending.VoucherId);

        Assert.Equal("A", approved.ApprovalStatus);
        Assert.True(approved.ChangedAt > newest);
        Assert.Equal(simulator.GetFigures().ApprovedVouchers, simulator.GetVouchers().Count(v => v.IsApproved));
    }

    [Fact]
    public async Task GetFigures_Started_CountsWhatItHolds()
    {
        await using var simulator = await StartAsync();

        var figures = simulator.GetFigures();

        Assert.Equal((20, 60), (figures.Suppliers, figures.Vouchers));
        Assert.Equal(simulator.Data.Vouchers.Count(v => v.IsApproved), figures.ApprovedVouchers);
        Assert.Equal((0, 0, 0L), (figures.PaymentsRecorded, figures.DuplicatePayments, figures.Calls));
        Assert.Equal("127.0.0.1", simulator.BaseUrl.Host);
    }
}
