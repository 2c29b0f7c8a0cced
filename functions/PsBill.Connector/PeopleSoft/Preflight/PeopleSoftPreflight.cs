using System.Xml.Linq;
using Microsoft.Extensions.Options;

namespace PsBill.Connector.PeopleSoft.Preflight;

/// <summary>
/// The check before go-live (<c>psbill peoplesoft check</c>): runs each configured query once with <c>maxrows=1</c> and
/// the prompts a first read sends, and verifies its columns; then calls each Component Interface the settlement mode
/// writes through with empty keys, a call its own validation refuses (nothing can be saved under an empty key), which
/// proves the service operation, message shape and permissions. One <see cref="PreflightLine"/> per query and CI.
/// </summary>
public sealed class PeopleSoftPreflight(
    PeopleSoftQueryClient queries, PeopleSoftComponentInterfaceClient components, IOptions<PeopleSoftClientOptions> options)
{
    private readonly PeopleSoftClientOptions _options = options.Value;

    /// <summary>Checks every query and the CIs in <paramref name="targets"/> (all three when null).</summary>
    public async Task<IReadOnlyList<PreflightLine>> RunAsync(IEnumerable<PeopleSoftWriteTarget>? targets = null, CancellationToken cancellationToken = default)
    {
        var lines = new List<PreflightLine>();
        PeopleSoftQueryRow? voucherRow = null;
        foreach (var query in QasQueries.All(_options))
        {
            var (line, first) = await CheckQueryAsync(query, cancellationToken).ConfigureAwait(false);
            lines.Add(line);
            if (query.Setting == nameof(PeopleSoftQueryNames.ApprovedVouchers)) voucherRow = first;
        }
        lines.Add(await CheckPaymentStatusAsync(voucherRow, cancellationToken).ConfigureAwait(false));
        foreach (var target in (targets ?? Enum.GetValues<PeopleSoftWriteTarget>()).Distinct())
            lines.Add(await CheckComponentAsync(target, cancellationToken).ConfigureAwait(false));
        return lines;
    }

    private async Task<(PreflightLine Line, PeopleSoftQueryRow? First)> CheckQueryAsync(QasQuery query, CancellationToken cancellationToken)
    {
        var settings = query.Options;
        var subject = $"query {settings.Name} ({query.Setting})";
        var section = $"PsBill:PeopleSoft:Queries:{query.Setting}";
        var afterKey = settings.AfterKeyPromptList;
        if (afterKey.Count > 0 && afterKey.Count != query.KeyColumns.Count)
            return (new PreflightLine(subject, false, $"{section}:AfterKeyPrompts names {afterKey.Count} prompts but the key has {query.KeyColumns.Count} fields ({string.Join(", ", query.KeyColumns)})"), null);
        var prompts = QasPager.Prompts(query, null, _options);
        PeopleSoftQueryResult result;
        try
        {
            result = await queries.ExecuteAsync(settings.Name, prompts, 1, cancellationToken).ConfigureAwait(false);
        }
        catch (PeopleSoftException ex)
        {
            return (new PreflightLine(subject, false, Explain(ex, $"check {section}:Name (a public query), :ChangedSincePrompt and :AfterKeyPrompts (its unique prompt names)")), null);
        }
        var promptText = prompts.Count == 0 ? "no prompts" : $"prompts {string.Join(", ", prompts.Select(p => p.Key))} accepted";
        if (result.Rows.Count == 0)
            return (new PreflightLine(subject, true, $"answered with no rows ({promptText}); its columns are checked at the first read that returns one"), null);
        var row = result.Rows[0];
        if (PeopleSoftQueryColumns.FirstMissing(row, query.AllRequiredColumns) is { } missing)
            return (new PreflightLine(subject, false, $"does not return column {missing}: add it to the query in Query Manager (docs/PEOPLESOFT-SETUP.md), or set {section}:Name to a query that returns it" +
                (missing == settings.ChangedColumn ? $", or set {section}:ChangedColumn" : "")), row);
        return (new PreflightLine(subject, true, $"answered ({promptText}); all {query.AllRequiredColumns.Count()} required columns present"), row);
    }

    private async Task<PreflightLine> CheckPaymentStatusAsync(PeopleSoftQueryRow? voucher, CancellationToken cancellationToken)
    {
        var query = _options.Queries.VoucherPaymentStatus;
        var subject = $"query {query.Name} (VoucherPaymentStatus)";
        var businessUnit = voucher?["BUSINESS_UNIT"] ?? " ";
        var voucherId = voucher?["VOUCHER_ID"] ?? " ";
        try
        {
            var result = await queries.ExecuteAsync(query.Name, [new(query.BusinessUnitPrompt, businessUnit), new(query.VoucherIdPrompt, voucherId)], 1, cancellationToken).ConfigureAwait(false);
            if (result.Rows.Count == 0)
                return new PreflightLine(subject, true, $"answered with no rows for voucher {businessUnit.Trim()}/{voucherId.Trim()} (prompts {query.BusinessUnitPrompt}, {query.VoucherIdPrompt} accepted); its columns are checked at the first payment it shows");
            if (PeopleSoftQueryColumns.FirstMissing(result.Rows[0], PeopleSoftQueryColumns.VoucherPaymentStatus) is { } missing)
                return new PreflightLine(subject, false, $"does not return column {missing}: add it to the query (docs/PEOPLESOFT-SETUP.md), or set PsBill:PeopleSoft:Queries:VoucherPaymentStatus:Name");
            return new PreflightLine(subject, true, $"answered; all {PeopleSoftQueryColumns.VoucherPaymentStatus.Count} required columns present");
        }
        catch (PeopleSoftException ex)
        {
            return new PreflightLine(subject, false, Explain(ex, "check PsBill:PeopleSoft:Queries:VoucherPaymentStatus:Name, :BusinessUnitPrompt and :VoucherIdPrompt"));
        }
    }

    private async Task<PreflightLine> CheckComponentAsync(PeopleSoftWriteTarget target, CancellationToken cancellationToken)
    {
        var cis = _options.ComponentInterfaces;
        PeopleSoftComponentInterfaceOptions ci = target switch
        {
            PeopleSoftWriteTarget.VoucherPayment => cis.VoucherPayment,
            PeopleSoftWriteTarget.PaymentReversal => cis.PaymentReversal,
            _ => cis.Journal,
        };
        var call = ci.ToCall();
        var section = $"PsBill:PeopleSoft:ComponentInterfaces:{target}";
        var subject = $"{call.SoapAction} ({target})";
        // Empty keys: the component's own validation refuses the call, so nothing can be saved.
        var keys = ci is PeopleSoftVoucherPaymentCiOptions payment
            ? new[] { new XElement(payment.BusinessUnitField, ""), new XElement(payment.VoucherIdField, "") }
            : [new XElement(cis.Journal.BusinessUnitField, "")];
        try
        {
            await components.InvokeAsync(call, keys, "preflight", cancellationToken).ConfigureAwait(false);
            return new PreflightLine(subject, true, $"answered {call.ResponseRoot}");
        }
        catch (PeopleSoftException ex) when (ex.Kind == PeopleSoftErrorKind.Rejected && ex.MessageText is { } text && !IsAboutTheService(ex, call))
        {
            return new PreflightLine(subject, true, $"the component answered with its own validation (\"{text}\"): service operation, message {call.RequestRoot} and permission are in place");
        }
        catch (PeopleSoftException ex) when (ex.Code == PeopleSoftErrorCode.BadResponse)
        {
            return new PreflightLine(subject, false, $"{ex.Message} Set {section}:ResponseRoot to the root the service answers with");
        }
        catch (PeopleSoftException ex) when (ex.Kind == PeopleSoftErrorKind.Rejected)
        {
            return new PreflightLine(subject, false,
                $"PeopleSoft does not take this call: \"{ex.MessageText ?? ex.Message}\". Check {section}:Name, :Operation, :RequestRoot and :Namespace against the " +
                $"service's WSDL, and that service operation {call.SoapAction} is active on node {_options.Node}");
        }
        catch (PeopleSoftException ex)
        {
            return new PreflightLine(subject, false, Explain(ex, $"check {section}"));
        }
    }

    /// <summary>A refusal that names the service operation or the message is the Integration Broker's, not the component's.</summary>
    private static bool IsAboutTheService(PeopleSoftException ex, PeopleSoftCiCall call)
    {
        var texts = ex.MessageParameters.Append(ex.MessageText ?? "");
        return texts.Any(t => t.Contains(call.SoapAction, StringComparison.OrdinalIgnoreCase)
                              || t.Contains("service operation", StringComparison.OrdinalIgnoreCase)
                              || t.Contains(call.RequestRoot, StringComparison.Ordinal));
    }

    private string Explain(PeopleSoftException ex, string fix) => ex.Kind switch
    {
        PeopleSoftErrorKind.Authentication =>
            $"PeopleSoft refused the OPRID ({ex.Code}): check the secrets peoplesoft-oprid and peoplesoft-password, and that the user's permission lists grant this service operation and the query's access groups",
        PeopleSoftErrorKind.Transient or PeopleSoftErrorKind.OutcomeUnknown =>
            $"PeopleSoft did not answer ({ex.Code}): {ex.Message} Check PsBill:PeopleSoft:BaseUrl ({_options.BaseUrl}) and :Node ({_options.Node})",
        _ => $"PeopleSoft refused it: \"{ex.MessageText ?? ex.Message}\"; {fix}",
    };
}
