using PsBill.Connector.Work;

namespace PsBill.Tests.Work;

public sealed class WorkItemTests
{
    [Fact]
    public void Parse_OwnJson_RoundTripsEveryField()
    {
        var item = new WorkItem { Kind = WorkItemKind.Voucher, Keys = ["voucher:US001:1", "voucher:US001:2"], RunId = "r1", Attempt = 2, Replay = true };

        var json = item.ToJson();
        var read = WorkItem.Parse(json);

        Assert.Contains("\"kind\":\"voucher\"", json);
        Assert.Equal((item.Id, item.Kind, item.RunId, item.Attempt, item.Replay), (read.Id, read.Kind, read.RunId, read.Attempt, read.Replay));
        Assert.Equal(item.Keys, read.Keys);
    }

    [Theory]
    [InlineData("not json", "not JSON")]
    [InlineData("{\"keys\":[\"voucher:a:1\"]}", "not JSON of a work item")]
    [InlineData("{\"kind\":\"voucher\",\"keys\":[]}", "no keys")]
    [InlineData("{\"kind\":\"voucher\",\"keys\":[\"\"]}", "an empty key")]
    [InlineData("null", "empty message")]
    public void Parse_NotAWorkItem_ThrowsWithTheProblem(string text, string problem)
    {
        var ex = Assert.Throws<WorkItemFormatException>(() => WorkItem.Parse(text));

        Assert.StartsWith(problem, ex.Problem);
    }

    [Fact]
    public void For_Key_TakesKindFromKeyPrefix()
    {
        var item = WorkItem.For(ItemKeys.Supplier("SHARE", "V1"), replay: true);

        Assert.Equal(WorkItemKind.Supplier, item.Kind);
        Assert.Equal(["supplier:SHARE:V1"], item.Keys);
        Assert.True(item.Replay);
    }

    [Fact]
    public void PoisonMessageParse_EnvelopeAndRawHostCopy_BothReadBack()
    {
        var item = WorkItem.For("voucher:US001:9");
        var envelope = PoisonMessage.Parse(new PoisonMessage("bad amount", DateTimeOffset.UnixEpoch, item.ToJson()).ToJson());
        var raw = PoisonMessage.Parse(item.ToJson());

        Assert.Equal(("bad amount", item.Id), (envelope.Reason, envelope.TryGetItem()!.Id));
        Assert.Equal((PoisonMessage.DequeueLimitReason, item.Id), (raw.Reason, raw.TryGetItem()!.Id));
    }
}
