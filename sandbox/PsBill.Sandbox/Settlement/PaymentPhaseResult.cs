using System.Text.Json.Serialization;

namespace PsBill.Sandbox.Settlement;

/// <summary>
/// What the payment phase did and what PeopleSoft (the simulator's own state) shows. The report's
/// <c>peoplesoft.payments_recorded</c> is <see cref="PaymentsRecorded"/> and <c>peoplesoft.duplicate_payments</c> is
/// <see cref="DuplicatePayments"/>; <see cref="PaymentsRecorded"/> must equal <see cref="ClearedAllocations"/>.
/// </summary>
public sealed record PaymentPhaseResult
{
    /// <summary>Payments made in BILL (every status).</summary>
    [JsonPropertyName("payments_made")] public int PaymentsMade { get; init; }

    /// <summary>Bill allocations of payments that cleared (voided-after-clearing ones included): what PeopleSoft must show recorded.</summary>
    [JsonPropertyName("cleared_allocations")] public int ClearedAllocations { get; init; }

    /// <summary>Allocations of payments voided after they cleared: what PeopleSoft must show reversed.</summary>
    [JsonPropertyName("voided_allocations")] public int VoidedAllocations { get; init; }

    /// <summary>Allocations of payments left scheduled: nothing posted for them.</summary>
    [JsonPropertyName("pending_allocations")] public int PendingAllocations { get; init; }

    /// <summary>Payments paid in part (two payments on one bill count once per payment).</summary>
    [JsonPropertyName("partial_payments")] public int PartialPayments { get; init; }

    /// <summary>Payments covering more than one bill.</summary>
    [JsonPropertyName("multi_bill_payments")] public int MultiBillPayments { get; init; }

    /// <summary>Notifications the relay lost.</summary>
    [JsonPropertyName("webhooks_lost")] public int WebhooksLost { get; init; }

    /// <summary>Notifications the relay delivered twice.</summary>
    [JsonPropertyName("webhooks_duplicated")] public int WebhooksDuplicated { get; init; }

    /// <summary>Forged, altered and unsigned notifications sent.</summary>
    [JsonPropertyName("webhooks_forged")] public int WebhooksForged { get; init; }

    /// <summary>Of those, how many the connector refused with 401.</summary>
    [JsonPropertyName("webhooks_forged_refused")] public int WebhooksForgedRefused { get; init; }

    /// <summary>PeopleSoft: payments recorded through the payment CI (duplicates included).</summary>
    [JsonPropertyName("payments_recorded")] public int PaymentsRecorded { get; init; }

    /// <summary>PeopleSoft: postings that repeated a payment in force.</summary>
    [JsonPropertyName("duplicate_payments")] public int DuplicatePayments { get; init; }

    /// <summary>PeopleSoft: payments reversed (action X).</summary>
    [JsonPropertyName("payment_reversals")] public int PaymentReversals { get; init; }

    /// <summary>Settlement allocations parked in the ledger.</summary>
    [JsonPropertyName("parked")] public int Parked { get; init; }

    /// <summary>True when PeopleSoft shows exactly the cleared allocations, each once, and every void reversed.</summary>
    [JsonPropertyName("consistent")]
    public bool Consistent => PaymentsRecorded == ClearedAllocations && DuplicatePayments == 0 && PaymentReversals == VoidedAllocations
                              && WebhooksForgedRefused == WebhooksForged;

    /// <summary>Seconds each step of the phase took (pay and settle, voids and second parts, forgeries, PollPayments).</summary>
    [JsonPropertyName("step_seconds")] public IReadOnlyDictionary<string, double> StepSeconds { get; init; } = new Dictionary<string, double>();
}
