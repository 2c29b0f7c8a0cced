using System.Text.Json.Serialization;

namespace PsBill.Simulators.Bill;

/// <summary>
/// What the simulated BILL saw and holds, read from its own state: the <c>bill</c> object of the sandbox report
/// (serialize this record as is: the report's field names are on the properties) plus a few figures for tests.
/// </summary>
public sealed record BillSimulatorFigures
{
    [JsonPropertyName("vendors")] public int Vendors { get; init; }
    [JsonPropertyName("bills")] public int Bills { get; init; }
    /// <summary>Vendors beyond the first with the same name (trimmed, case-insensitive) in one organization.</summary>
    [JsonPropertyName("duplicate_vendors")] public int DuplicateVendors { get; init; }
    /// <summary>Bills beyond the first with the same vendor and invoice number.</summary>
    [JsonPropertyName("duplicate_bills")] public int DuplicateBills { get; init; }
    /// <summary>Every HTTP call received, logins and rejected ones included.</summary>
    [JsonPropertyName("calls")] public int Calls { get; init; }
    /// <summary>The most calls in flight at once for one organization, counting the ones that were then refused with <c>BDC_1322</c>.</summary>
    [JsonPropertyName("max_concurrent_calls")] public int MaxConcurrentCalls { get; init; }

    /// <summary>Calls by kind (<c>POST /v3/bills/bulk</c>, <c>GET /v3/payments/{id}</c>): the method and the path without ids.</summary>
    [JsonPropertyName("calls_by_kind")] public IReadOnlyDictionary<string, int> CallsByKind { get; init; } = new Dictionary<string, int>();

    /// <summary>The most reads of any one payment (<c>GET /v3/payments/{id}</c>) since the simulator started.</summary>
    [JsonPropertyName("max_reads_of_a_payment")] public int MaxReadsOfAPayment { get; init; }
    [JsonPropertyName("rejected")] public BillRejectionFigures Rejected { get; init; } = new();
    /// <summary>Bill requests whose top-level <c>amount</c> differed from the sum of their lines (BILL keeps the sum), and
    /// stored bills whose amount is not the sum of their lines.</summary>
    [JsonPropertyName("bill_amount_mismatches")] public int BillAmountMismatches { get; init; }
    /// <summary>Distinct bill lines sent with a chart-of-accounts or department id that does not exist or is archived (all refused).</summary>
    [JsonPropertyName("invalid_line_classifications")] public int InvalidLineClassifications { get; init; }

    [JsonIgnore] public int Logins { get; init; }
    [JsonIgnore] public int Payments { get; init; }
    /// <summary>Creates committed whose answer was then dropped by fault injection.</summary>
    [JsonIgnore] public int DroppedResponses { get; init; }
    [JsonIgnore] public int WebhookAttempts { get; init; }
    [JsonIgnore] public int WebhooksDelivered { get; init; }
    /// <summary>Notifications given up on after every retry failed.</summary>
    [JsonIgnore] public int WebhooksParked { get; init; }
}
