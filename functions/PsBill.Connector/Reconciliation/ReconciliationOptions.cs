using System.ComponentModel.DataAnnotations;

namespace PsBill.Connector.Reconciliation;

/// <summary>When the tie-out runs by itself and how long its reports are kept, bound from <c>PsBill:Reconciliation</c>.</summary>
public sealed class ReconciliationOptions
{
    /// <summary>The configuration section under <c>PsBill</c>.</summary>
    public const string Section = "Reconciliation";

    /// <summary>Tie out at the end of each PollPayments run (<c>PsBill__Reconciliation__AfterPollPayments</c>; default true).</summary>
    public bool AfterPollPayments { get; set; } = true;

    /// <summary>A tie-out runs only when the last one that was made is older than this
    /// (<c>PsBill__Reconciliation__MinInterval</c>; default 1 hour): it costs one PeopleSoft query per voucher.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "7.00:00:00")]
    public TimeSpan MinInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Stored reports older than this are deleted (<c>PsBill__Reconciliation__Retention</c>; default 90 days).</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "3650.00:00:00")]
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(90);
}
