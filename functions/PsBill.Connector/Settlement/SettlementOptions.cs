using System.ComponentModel.DataAnnotations;

namespace PsBill.Connector.Settlement;

/// <summary>How BILL payments are settled in PeopleSoft, bound from <c>PsBill:Settlement</c>. The journal accounts are
/// the PeopleSoft client's (<c>PsBill:PeopleSoft:ComponentInterfaces:Journal:ApLiabilityAccount</c> and <c>:CashAccount</c>).</summary>
public sealed class SettlementOptions
{
    /// <summary>The configuration section under <c>PsBill</c>.</summary>
    public const string Section = "Settlement";

    /// <summary>How a cleared payment is posted (<c>PsBill__Settlement__Mode</c>; default <see cref="SettlementMode.RecordPayment"/>).
    /// A reversal always uses the mode its posting used.</summary>
    public SettlementMode Mode { get; set; } = SettlementMode.RecordPayment;

    /// <summary>PYMNT_METHOD of a recorded payment, one of MAN, CHK, ACH, EFT, WIR (<c>PsBill__Settlement__PaymentMethod</c>;
    /// default <c>ACH</c>: BILL pays vendors electronically unless told to mail a check).</summary>
    [Required, RegularExpression("^(MAN|CHK|ACH|EFT|WIR)$", ErrorMessage = "must be one of MAN, CHK, ACH, EFT, WIR")]
    public string PaymentMethod { get; set; } = "ACH";

    /// <summary>Webhook bodies larger than this are refused with 413 before they are read any further
    /// (<c>PsBill__Settlement__MaxWebhookBodyBytes</c>; default 256 KiB: a payment notification is a few KiB).</summary>
    [Range(1024, 10 * 1024 * 1024)]
    public int MaxWebhookBodyBytes { get; set; } = 256 * 1024;

    /// <summary>How far back the first PollPayments looks when it has no checkpoint (<c>PsBill__Settlement__InitialLookback</c>; default 30 days).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "365.00:00:00")]
    public TimeSpan InitialLookback { get; set; } = TimeSpan.FromDays(30);

    /// <summary>PollPayments re-reads this much before its checkpoint, for changes BILL indexed late; the ledger makes the
    /// overlap harmless (<c>PsBill__Settlement__PollOverlap</c>; default 2 minutes).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan PollOverlap { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>An intent younger than this belongs to the worker that wrote it: another delivery of the same payment
    /// waits instead of posting beside it (<c>PsBill__Settlement__ClaimTimeout</c>; default 2 minutes, far above one
    /// PeopleSoft call's timeout).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan ClaimTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The shortest wait of a delivery that found another worker's fresh intent before it looks again
    /// (<c>PsBill__Settlement__ClaimRetryDelay</c>; default 5 seconds). Longer-held intents are waited on longer (as long as
    /// they have been held, up to <see cref="ClaimTimeout"/>), so a crashed worker's intent is taken over within a few retries.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan ClaimRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long to wait before looking again when PeopleSoft does not show a recorded payment yet, or was
    /// unavailable (<c>PsBill__Settlement__RetryDelay</c>; default 1 minute).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The Component Interfaces <see cref="Mode"/> writes through, for the preflight: the payment and reversal CIs
    /// for RecordPayment, the journal CI for Journal, none for Stage.</summary>
    public IReadOnlyList<PeopleSoft.Preflight.PeopleSoftWriteTarget> PeopleSoftWriteTargets() => Mode switch
    {
        SettlementMode.RecordPayment => [PeopleSoft.Preflight.PeopleSoftWriteTarget.VoucherPayment, PeopleSoft.Preflight.PeopleSoftWriteTarget.PaymentReversal],
        SettlementMode.Journal => [PeopleSoft.Preflight.PeopleSoftWriteTarget.Journal],
        _ => [],
    };
}
