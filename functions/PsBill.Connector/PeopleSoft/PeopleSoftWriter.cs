using System.Globalization;
using System.Xml.Linq;
using Microsoft.Extensions.Options;

namespace PsBill.Connector.PeopleSoft;

/// <summary>
/// Writes what BILL paid into PeopleSoft through the customer's Component Interfaces: a payment recorded on the
/// voucher (or reversed, for a void), or a journal. After a write, confirm it with
/// <see cref="PeopleSoftReader.GetVoucherPaymentStatusAsync"/>; after an <see cref="PeopleSoftErrorKind.OutcomeUnknown"/>
/// failure, look before writing again: PeopleSoft has no idempotency key and accepts the same payment twice.
/// </summary>
public sealed class PeopleSoftWriter(PeopleSoftComponentInterfaceClient client, IOptions<PeopleSoftClientOptions> options)
{
    private readonly PeopleSoftComponentInterfaceNames _cis = options.Value.ComponentInterfaces;

    /// <summary>Records a payment on the voucher (PYMNT_ACTION R) with the BILL confirmation number as its reference.</summary>
    /// <exception cref="PeopleSoftException">The CI refused it (unknown voucher, closed voucher, ...) or the call failed.</exception>
    public Task RecordVoucherPaymentAsync(PeopleSoftPaymentRecord payment, CancellationToken cancellationToken = default) =>
        WritePaymentAsync(payment, _cis.VoucherPayment, cancellationToken);

    /// <summary>Reverses a recorded payment through the reversal CI (PYMNT_ACTION X on the same reference by default), for a
    /// payment BILL voided.</summary>
    /// <exception cref="PeopleSoftException">The CI refused it or the call failed.</exception>
    public Task ReverseVoucherPaymentAsync(PeopleSoftPaymentRecord payment, CancellationToken cancellationToken = default) =>
        WritePaymentAsync(payment, _cis.PaymentReversal, cancellationToken);

    /// <summary>Creates a journal through the journal CI and returns the JOURNAL_ID PeopleSoft assigned.</summary>
    /// <exception cref="ArgumentException">The journal does not balance or has no lines.</exception>
    /// <exception cref="PeopleSoftException">The CI refused it or the call failed.</exception>
    public async Task<PeopleSoftJournalCreated> CreateJournalAsync(PeopleSoftJournal journal, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(journal);
        if (journal.Lines.Count == 0) throw new ArgumentException("A journal needs lines.", nameof(journal));
        if (journal.Lines.Sum(l => l.Amount) != 0m)
            throw new ArgumentException($"The journal does not balance: its lines sum to {journal.Lines.Sum(l => l.Amount)}.", nameof(journal));
        var ci = _cis.Journal;
        var properties = new List<XElement>
        {
            new(ci.BusinessUnitField, journal.BusinessUnit),
            new(ci.JournalIdField, ci.NewJournalId),
            new(ci.JournalDateField, PeopleSoftValues.FormatDate(journal.JournalDate)),
            new(ci.LedgerGroupField, ci.LedgerGroup),
            new(ci.SourceField, ci.Source),
            new(ci.DescriptionField, journal.Description),
        };
        properties.AddRange(journal.Lines.Select((line, index) => new XElement(ci.LineCollection,
            new XElement(ci.LineNumberField, (index + 1).ToString(CultureInfo.InvariantCulture)),
            new XElement(ci.LedgerField, ci.Ledger),
            new XElement(ci.AccountField, line.Account),
            new XElement(ci.DeptIdField, line.DeptId ?? ""),
            new XElement(ci.AmountField, PeopleSoftValues.FormatAmount(line.Amount)),
            new XElement(ci.LineReferenceField, line.Reference ?? ""),
            new XElement(ci.LineDescriptionField, line.Description ?? ""))));

        var call = ci.ToCall();
        var response = await client.InvokeAsync(call, properties,
            $"journal:{journal.BusinessUnit}:{journal.Description}", cancellationToken).ConfigureAwait(false);
        var journalId = response.Elements().FirstOrDefault(e => e.Name.LocalName == ci.JournalIdField)?.Value.Trim();
        // The component answered but did not say which journal it made: it may have made one, so this is not a rejection.
        if (string.IsNullOrEmpty(journalId) || journalId == ci.NewJournalId)
            throw PeopleSoftFailures.UnreadableWriteAnswer(call.SoapAction, $"the response has no assigned {ci.JournalIdField}");
        return new PeopleSoftJournalCreated(journal.BusinessUnit, journalId);
    }

    /// <summary>Books a BILL payment as a journal: debit the configured AP liability account, credit the configured
    /// cash account, both lines referencing the voucher.</summary>
    /// <exception cref="InvalidOperationException">ApLiabilityAccount or CashAccount is not configured.</exception>
    public Task<PeopleSoftJournalCreated> CreatePaymentJournalAsync(PeopleSoftPaymentRecord payment, CancellationToken cancellationToken = default)
    {
        var ci = _cis.Journal;
        if (string.IsNullOrWhiteSpace(ci.ApLiabilityAccount) || string.IsNullOrWhiteSpace(ci.CashAccount))
            throw new InvalidOperationException(
                "Payment journals need PsBill:PeopleSoft:ComponentInterfaces:Journal:ApLiabilityAccount and :CashAccount.");
        return CreateJournalAsync(PeopleSoftJournal.ForVoucherPayment(payment, ci.ApLiabilityAccount, ci.CashAccount), cancellationToken);
    }

    private async Task WritePaymentAsync(PeopleSoftPaymentRecord payment, PeopleSoftVoucherPaymentCiOptions ci, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payment);
        ArgumentException.ThrowIfNullOrWhiteSpace(payment.Reference);
        if (payment.Amount <= 0m) throw new ArgumentException("A payment amount must be positive.", nameof(payment));
        var call = ci.ToCall();
        var response = await client.InvokeAsync(call, PaymentProperties(payment, ci), payment.VoucherKey, cancellationToken).ConfigureAwait(false);
        // UpdateData (and many Create services) answer <notification>: True (or 1) when the component saved.
        var notification = response.Elements().FirstOrDefault(e => e.Name.LocalName == "notification")?.Value.Trim();
        if (notification is not null && !(notification == "1" || notification.Equals("true", StringComparison.OrdinalIgnoreCase)))
            throw new PeopleSoftException($"{call.SoapAction} for {payment.VoucherKey} answered notification \"{notification}\": the component did not save.",
                PeopleSoftErrorKind.Rejected, new PeopleSoftErrorCode("NOT_SAVED"), 200);
    }

    /// <summary>The keys flat on the root; the payment properties inside the collection, or flat beside the keys when the
    /// CI has none.</summary>
    internal static IReadOnlyList<XElement> PaymentProperties(PeopleSoftPaymentRecord payment, PeopleSoftVoucherPaymentCiOptions ci)
    {
        var fields = new[]
        {
            new XElement(ci.PaymentMethodField, payment.Method),
            new XElement(ci.PaymentActionField, ci.ActionValue),
            new XElement(ci.ReferenceField, payment.Reference),
            new XElement(ci.PaymentDateField, PeopleSoftValues.FormatDate(payment.PaymentDate)),
            new XElement(ci.AmountField, PeopleSoftValues.FormatAmount(payment.Amount)),
        };
        var properties = new List<XElement>
        {
            new(ci.BusinessUnitField, payment.BusinessUnit),
            new(ci.VoucherIdField, payment.VoucherId),
        };
        var collection = PeopleSoftSettingValue.OrEmpty(ci.PaymentCollection);
        if (collection.Length > 0) properties.Add(new XElement(collection, fields));
        else properties.AddRange(fields);
        return properties;
    }
}
