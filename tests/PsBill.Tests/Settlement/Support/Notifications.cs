using System.Text;
using System.Text.Json.Nodes;

namespace PsBill.Tests.Settlement.Support;

/// <summary>Webhook bodies shaped like BILL's (<c>metadata</c> plus the payment), for tests that post them themselves.</summary>
internal static class Notifications
{
    public static byte[] PaymentUpdated(string paymentId, string billId, decimal amount, string singleStatus = "CLEARED", string? eventId = null) =>
        Encoding.UTF8.GetBytes(new JsonObject
        {
            ["metadata"] = new JsonObject
            {
                ["eventId"] = eventId ?? Guid.NewGuid().ToString(),
                ["subscriptionId"] = Guid.NewGuid().ToString(),
                ["organizationId"] = "00801TEST",
                ["eventType"] = "payment.updated",
                ["version"] = "1",
            },
            ["payment"] = new JsonObject
            {
                ["id"] = paymentId,
                ["billPayments"] = new JsonArray(new JsonObject { ["billId"] = billId, ["amount"] = amount }),
                ["amount"] = amount,
                ["singleStatus"] = singleStatus,
            },
        }.ToJsonString());
}
