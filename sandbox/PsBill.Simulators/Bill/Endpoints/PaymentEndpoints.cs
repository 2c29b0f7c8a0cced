using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PsBill.Simulators.Bill.Http;
using PsBill.Simulators.Bill.State;

namespace PsBill.Simulators.Bill.Endpoints;

/// <summary><c>GET /v3/payments</c>, <c>GET /v3/payments/{id}</c> and <c>POST /v3/bills/record-payment</c> (a payment made outside BILL).
/// Online payments are made through <see cref="BillSimulator.PayAsync"/>, as if an approver paid in BILL.</summary>
internal sealed class PaymentEndpoints(RecordRoutes routes, PaymentLedger ledger)
{
    public void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/payments", context => routes.ListAsync(context, o => o.Payments));
        api.MapGet("/payments/{id}", context => routes.GetAsync(context, o => o.Payments, "Payment"));
        api.MapPost("/bills/record-payment", RecordAsync);
    }

    private async Task RecordAsync(HttpContext context)
    {
        if (await SimulatedRequest.ReadJsonAsync(context).ConfigureAwait(false) is not JsonObject body)
        {
            await routes.BadRequestAsync(context, "The body must be a payment object.").ConfigureAwait(false);
            return;
        }

        var errors = new List<SimulatedError>();
        var vendorId = FieldRules.RequireText(body, "vendorId", "", errors);
        var processDate = FieldRules.RequireDate(body, "processDate", "", errors);
        var allocations = new List<SimulatedBillPayment>();
        if (body["payments"] is JsonArray parts)
        {
            for (var i = 0; i < parts.Count; i++)
            {
                if (parts[i] is not JsonObject part) continue;
                var billId = FieldRules.RequireText(part, "billId", $"payments[{i}]", errors);
                var amount = FieldRules.Number(part["amount"]);
                if (amount is null) errors.Add(FieldRules.Invalid($"payments[{i}]", "amount", "is required and must be a number"));
                if (billId is not null && amount is not null) allocations.Add(new SimulatedBillPayment(billId, amount));
            }
        }

        var organization = SimulatedRequest.Organization(context);
        JsonNode? answer = null;
        if (errors.Count == 0)
        {
            lock (organization.Sync)
            {
                if (ledger.Create(organization, vendorId, processDate!.Value, allocations, "CLEARED", online: false, errors) is { } recorded)
                {
                    recorded["description"] = body["description"]?.DeepClone();
                    recorded["toPrintCheck"] = (bool?)body["toPrintCheck"] ?? false;
                    answer = recorded.DeepClone();
                }
            }
        }

        await (answer is null ? routes.BadRequestAsync(context, errors) : SimulatedAnswer.JsonAsync(context, 200, answer)).ConfigureAwait(false);
    }

    /// <summary>Today by the simulator's clock, as a processing date.</summary>
    public static DateOnly Today(SimulatorState state) => DateOnly.FromDateTime(state.Now.UtcDateTime);
}
