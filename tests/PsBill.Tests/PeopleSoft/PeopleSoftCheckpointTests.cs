using PsBill.Connector.PeopleSoft;

namespace PsBill.Tests.PeopleSoft;

public sealed class PeopleSoftCheckpointTests
{
    private static readonly DateTime Stamp = new(2026, 1, 5, 8, 0, 0);

    [Fact]
    public void Serialize_ThenParse_GivesTheSameCheckpoint()
    {
        var checkpoint = new PeopleSoftCheckpoint(Stamp.AddTicks(12_340), ["US001", "00012345"]);

        var parsed = PeopleSoftCheckpoint.Parse(checkpoint.Serialize());

        Assert.Equal(checkpoint, parsed);
        Assert.Equal(checkpoint.ChangedAt, parsed.ChangedAt);
        Assert.Equal(["US001", "00012345"], parsed.Key);
    }

    [Fact]
    public void CompareTo_SameTimestamp_OrdersByKeyFieldByField()
    {
        var a = new PeopleSoftCheckpoint(Stamp, ["US001", "00000009"]);
        var b = new PeopleSoftCheckpoint(Stamp, ["US001", "00000010"]);
        var c = new PeopleSoftCheckpoint(Stamp, ["US002", "00000001"]);
        var later = new PeopleSoftCheckpoint(Stamp.AddTicks(10), ["AAAAA", "00000001"]);

        Assert.True(a.CompareTo(b) < 0);
        Assert.True(b.CompareTo(c) < 0);
        Assert.True(c.CompareTo(later) < 0);
        Assert.Equal(0, a.CompareTo(new PeopleSoftCheckpoint(Stamp, ["US001", "00000009"])));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("{\"ChangedAt\":\"yesterday\",\"Key\":[]}")]
    public void Parse_NotACheckpoint_ThrowsFormatException(string text) =>
        Assert.Throws<FormatException>(() => PeopleSoftCheckpoint.Parse(text));
}
