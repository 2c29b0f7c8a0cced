using System.Text.Json.Nodes;

namespace PsBill.Simulators.Bill.Http;

/// <summary>One entry of BILL's error array.</summary>
internal sealed record SimulatedError(string Code, string Message, string Category = "REQUEST")
{
    public JsonObject ToJson(string timestamp) => new()
    {
        ["timestamp"] = timestamp,
        ["code"] = Code,
        ["severity"] = "ERROR",
        ["category"] = Category,
        ["message"] = Message,
    };
}
