using System.Text.Json.Nodes;

namespace PsBill.Tests.Simulators.Bill;

/// <summary>The replay's comparator must be able to fail.</summary>
public sealed class JsonShapeTests
{
    private static readonly JsonNode Example = JsonNode.Parse("""{"id":"string","amount":1.5,"lines":[{"amount":2}]}""")!;
    private static readonly HashSet<string> Known = ["id", "amount", "lines"];

    [Fact]
    public void Differences_SameShape_None() =>
        Assert.Empty(JsonShape.Differences(JsonNode.Parse("""{"id":"00n1","lines":[{"amount":3},{"amount":4}]}"""), Example, Known));

    [Fact]
    public void Differences_InventedField_Reported() =>
        Assert.Contains(JsonShape.Differences(JsonNode.Parse("""{"id":"00n1","bogus":1}"""), Example, Known), p => p.Contains("bogus", StringComparison.Ordinal));

    [Fact]
    public void Differences_NumberSentAsText_Reported() =>
        Assert.Contains(JsonShape.Differences(JsonNode.Parse("""{"lines":[{"amount":"3"}]}"""), Example, Known), p => p.Contains("$.lines[].amount", StringComparison.Ordinal));

    [Fact]
    public void Differences_ArrayInsteadOfObject_Reported() =>
        Assert.NotEmpty(JsonShape.Differences(JsonNode.Parse("[]"), Example, Known));
}
