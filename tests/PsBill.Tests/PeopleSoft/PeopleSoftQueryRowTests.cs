using System.Text;
using PsBill.Connector.PeopleSoft;

namespace PsBill.Tests.PeopleSoft;

/// <summary>How a QAS response's rows are read: column names with and without record aliases, a field given by two records,
/// and rows whose columns are not those of the row before (the reader shares one layout between rows that match).</summary>
public sealed class PeopleSoftQueryRowTests
{
    private static readonly PeopleSoftCredential Credential = new("PSBILL", "secret");

    [Fact]
    public async Task Parse_AliasedColumns_AnswerByPlainAndAliasedNameInAnyCase()
    {
        var result = await ParseAsync("""{"attr:rownumber":1,"A.VOUCHER_ID":"00000001","C.MERCHANDISE_AMT":125.50,"A.DESCR":"  Paper  "}""");

        var row = Assert.Single(result.Rows);
        Assert.Equal(("00000001", "00000001", "00000001"), (row["VOUCHER_ID"], row["a.voucher_id"], row["A.VOUCHER_ID"]));
        Assert.Equal("125.50", row["MERCHANDISE_AMT"]);
        Assert.Equal("Paper", row["DESCR"]);
        Assert.Null(row["GROSS_AMT"]);
        Assert.False(row.Has("GROSS_AMT"));
    }

    [Fact]
    public async Task Parse_FieldGivenByTwoRecords_PlainNameRefusedNamingTheColumnAliasedNamesAnswer()
    {
        var result = await ParseAsync("""{"attr:rownumber":1,"B.DESCR":"Line","C.DESCR":"Account"}""");

        var row = Assert.Single(result.Rows);
        var error = Assert.Throws<InvalidOperationException>(() => row["DESCR"]);
        Assert.Contains("Column DESCR is selected from two records", error.Message);
        Assert.True(row.Has("DESCR"));
        Assert.Equal(("Line", "Account"), (row["B.DESCR"], row["C.DESCR"]));
    }

    [Fact]
    public async Task Parse_RowsWithOtherColumnsThanTheRowBefore_EachReadByItsOwnNames()
    {
        var result = await ParseAsync(
            """{"attr:rownumber":1,"A.VOUCHER_ID":"1","A.INVOICE_ID":"INV-1","A.GROSS_AMT":10}""",
            """{"attr:rownumber":2,"A.VOUCHER_ID":"2","A.INVOICE_ID":"INV-2","A.GROSS_AMT":20}""",
            """{"attr:rownumber":3,"A.INVOICE_ID":"INV-3","A.VOUCHER_ID":"3","A.GROSS_AMT":30}""",
            """{"attr:rownumber":4,"A.VOUCHER_ID":"4","A.GROSS_AMT":40}""",
            """{"attr:rownumber":5,"A.VOUCHER_ID":"5","A.INVOICE_ID":"INV-5","A.GROSS_AMT":50,"A.DUE_DT":"2026-12-31"}""",
            """{"attr:rownumber":6,"A.VOUCHER_ID":"6","A.INVOICE_ID":null,"A.GROSS_AMT":60}""");

        Assert.Equal([1, 2, 3, 4, 5, 6], result.Rows.Select(r => r.RowNumber));
        Assert.Equal(["1", "2", "3", "4", "5", "6"], result.Rows.Select(r => r["VOUCHER_ID"]));
        Assert.Equal(["INV-1", "INV-2", "INV-3", null, "INV-5", null], result.Rows.Select(r => r["INVOICE_ID"]));
        Assert.Equal(["10", "20", "30", "40", "50", "60"], result.Rows.Select(r => r["GROSS_AMT"]));
        Assert.Equal([false, false, false, false, true, false], result.Rows.Select(r => r.Has("DUE_DT")));
        Assert.Equal("2026-12-31", result.Rows[4]["DUE_DT"]);
        Assert.False(result.Rows[3].Has("INVOICE_ID"));
    }

    [Fact]
    public void Constructor_ValuesNotMatchingTheLayout_RefusedNamingTheRow()
    {
        var layout = new PeopleSoftRowLayout(["A.VOUCHER_ID", "A.GROSS_AMT"]);

        var error = Assert.Throws<ArgumentException>(() => new PeopleSoftQueryRow(7, layout, ["1"]));

        Assert.Contains("Row 7 has 1 values for 2 columns", error.Message);
    }

    [Theory]
    [InlineData("<html>Signon</html>")]
    [InlineData("""{"status":"success","data":{"rows":[]}}""")]
    public async Task Parse_NotTheQasShape_RefusedNamingTheQuery(string body)
    {
        var error = await Assert.ThrowsAsync<PeopleSoftException>(() => ParseBodyAsync(body));

        Assert.Contains("query PSB_TEST", error.Message);
        Assert.Contains("it is not the QAS JSON shape", error.Message);
    }

    private static Task<PeopleSoftQueryResult> ParseAsync(params string[] rows) =>
        ParseBodyAsync("""{"status":"success","data":{"query":{"numrows":""" + rows.Length + ""","queryname=":"PSB_TEST","rows":[""" + string.Join(",", rows) + "]}}}");

    private static Task<PeopleSoftQueryResult> ParseBodyAsync(string body) =>
        PeopleSoftQueryClient.ParseAsync(new MemoryStream(Encoding.UTF8.GetBytes(body)), "query PSB_TEST", Credential);
}
