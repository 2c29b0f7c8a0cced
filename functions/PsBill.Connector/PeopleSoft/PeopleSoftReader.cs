using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PsBill.Connector.PeopleSoft;

/// <summary>
/// Reads typed records from PeopleSoft's queries. Incremental reads take a <see cref="PeopleSoftCheckpoint"/> and
/// return each record changed after it exactly once, with the checkpoint to persist after handling it. A record
/// whose rows do not make sense comes back as a <see cref="PeopleSoftRowError"/> naming its key and field, and the
/// read goes on. Calls fail with <see cref="PeopleSoftException"/>.
/// </summary>
public sealed class PeopleSoftReader
{
    private readonly PeopleSoftQueryClient _client;
    private readonly PeopleSoftClientOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<PeopleSoftReader> _logger;
    private readonly QasPager _pager;

    /// <summary>Creates the reader (register with <c>AddPeopleSoftClient</c>).</summary>
    public PeopleSoftReader(PeopleSoftQueryClient client, IOptions<PeopleSoftClientOptions> options, TimeProvider timeProvider, ILogger<PeopleSoftReader> logger)
    {
        _client = client;
        _options = options.Value;
        _timeProvider = timeProvider;
        _logger = logger;
        _pager = new QasPager(client, _options, logger);
    }

    /// <summary>Suppliers changed after <paramref name="since"/> (all of them when null), with their current address.</summary>
    public IAsyncEnumerable<PeopleSoftReadResult<PeopleSoftSupplier>> ReadSuppliersAsync(
        PeopleSoftCheckpoint? since = null, CancellationToken cancellationToken = default)
    {
        var today = Today();
        return ReadAsync(QasQueries.Suppliers(_options), since,
            group => SupplierRecordMapper.Map(group, today), SupplierRecordMapper.RecordKey, cancellationToken);
    }

    /// <summary>Approved vouchers changed after <paramref name="since"/> (all of them when null), with lines and distributions.</summary>
    public IAsyncEnumerable<PeopleSoftReadResult<PeopleSoftVoucher>> ReadApprovedVouchersAsync(
        PeopleSoftCheckpoint? since = null, CancellationToken cancellationToken = default) =>
        ReadAsync(QasQueries.ApprovedVouchers(_options), since,
            VoucherRecordMapper.Map, VoucherRecordMapper.RecordKey, cancellationToken);

    /// <summary>Every GL account as of today (its current effective-dated row, active or not).</summary>
    public IAsyncEnumerable<PeopleSoftReadResult<PeopleSoftGlAccount>> ReadGlAccountsAsync(CancellationToken cancellationToken = default)
    {
        var today = Today();
        return ReadAsync(QasQueries.GlAccounts(_options), null,
            group => EffectiveDatedMapper.MapAccount(group, today),
            group => PeopleSoftRecordKeys.GlAccount(OrMissing(group.Key[0]), OrMissing(group.Key[1])), cancellationToken);
    }

    /// <summary>Every department as of today (its current effective-dated row, active or not).</summary>
    public IAsyncEnumerable<PeopleSoftReadResult<PeopleSoftDepartment>> ReadDepartmentsAsync(CancellationToken cancellationToken = default)
    {
        var today = Today();
        return ReadAsync(QasQueries.Departments(_options), null,
            group => EffectiveDatedMapper.MapDepartment(group, today),
            group => PeopleSoftRecordKeys.Department(OrMissing(group.Key[0]), OrMissing(group.Key[1])), cancellationToken);
    }

    /// <summary>The payments PeopleSoft shows on one voucher: how the connector confirms a payment it recorded.</summary>
    /// <exception cref="PeopleSoftException">The call failed, or a payment row does not parse (<see cref="PeopleSoftErrorKind.Configuration"/>).</exception>
    public async Task<PeopleSoftVoucherPaymentStatus> GetVoucherPaymentStatusAsync(
        string businessUnit, string voucherId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(businessUnit);
        ArgumentException.ThrowIfNullOrWhiteSpace(voucherId);
        var query = _options.Queries.VoucherPaymentStatus;
        var result = await _client.ExecuteAsync(query.Name,
            [new(query.BusinessUnitPrompt, businessUnit), new(query.VoucherIdPrompt, voucherId)],
            query.MaxRows, cancellationToken).ConfigureAwait(false);
        if (result.Rows.Count > 0 && PeopleSoftQueryColumns.FirstMissing(result.Rows[0], PeopleSoftQueryColumns.VoucherPaymentStatus) is { } missing)
            throw PeopleSoftQueryColumns.Missing(query.Name, nameof(PeopleSoftQueryNames.VoucherPaymentStatus), missing);
        var payments = new List<PeopleSoftVoucherPayment>();
        foreach (var row in result.Rows)
        {
            try
            {
                payments.Add(new PeopleSoftVoucherPayment(
                    RowFault.Number(row, "PYMNT_CNT"), row["PYMNT_ID"], RowFault.Amount(row, "PAID_AMT"),
                    row["PYMNT_METHOD"], row["PYMNT_ACTION"], row["PYMNT_SELCT_STATUS"],
                    RowFault.OptionalDate(row, "PYMNT_DT"), row["PYMNT_STATUS"], row["PYMNT_ID_REF"]));
            }
            catch (RowFault fault)
            {
                throw PeopleSoftFailures.BadResponse($"query {query.Name}",
                    $"payment row {row.RowNumber} of {PeopleSoftRecordKeys.Voucher(businessUnit, voucherId)}: {fault.Field} {fault.Reason}");
            }
        }
        return new PeopleSoftVoucherPaymentStatus(businessUnit, voucherId, payments);
    }

    private async IAsyncEnumerable<PeopleSoftReadResult<T>> ReadAsync<T>(
        QasQuery query,
        PeopleSoftCheckpoint? since,
        Func<QasRecordGroup, T?> map,
        Func<QasRecordGroup, string> recordKey,
        [EnumeratorCancellation] CancellationToken cancellationToken)
        where T : class
    {
        var checkpoint = since;
        var incremental = query.Incremental;
        await foreach (var group in _pager.ReadAsync(query, since, cancellationToken).ConfigureAwait(false))
        {
            if (incremental && group.Position is not null) checkpoint = group.Position;
            PeopleSoftReadResult<T>? result;
            try
            {
                if (group.Oversized) throw TooManyRows(query);
                var record = map(group);
                result = record is null ? null : PeopleSoftReadResult<T>.Success(record, incremental ? checkpoint : null);
            }
            catch (RowFault fault)
            {
                var error = new PeopleSoftRowError(recordKey(group), fault.Field, fault.Reason, group.Rows[0].RowNumber);
                PeopleSoftLog.RowRejected(_logger, query.Options.Name, error.RecordKey, error.Field, error.Reason);
                result = PeopleSoftReadResult<T>.Failure(error, incremental ? checkpoint : null);
            }
            if (result is not null) yield return result;
        }
    }

    private static RowFault TooManyRows(QasQuery query) => new("MaxRows",
        $"({query.Options.MaxRows}) of query {query.Options.Name} is smaller than this record: it has at least {query.Options.MaxRows} rows " +
        $"and cannot be read whole. Raise PsBill:PeopleSoft:Queries:{query.Setting}:MaxRows above its row count, then replay it");

    private DateOnly Today() => DateOnly.FromDateTime(_timeProvider.GetUtcNow().UtcDateTime);

    private static string OrMissing(string value) => value.Length == 0 ? "?" : value;
}
