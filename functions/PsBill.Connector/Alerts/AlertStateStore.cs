using System.Globalization;
using Azure;
using Azure.Data.Tables;
using PsBill.Connector.Storage;

namespace PsBill.Connector.Alerts;

/// <summary>
/// The <c>alerts</c> table: when each cause was last alerted (so every instance sends a cause at most once per interval:
/// the claim is an insert-if-absent or an ETag-checked update, and only one instance wins it), and the last parked count.
/// </summary>
public sealed class AlertStateStore(PsBillStorage storage)
{
    /// <summary>The logical table name.</summary>
    public const string TableName = "alerts";

    private const string CausePartition = "cause";
    private const string FigurePartition = "figure";
    private readonly TableClient _table = storage.Table(TableName);

    /// <summary>True when this caller may alert <paramref name="cause"/> now (none sent within <paramref name="interval"/>); the
    /// send time is recorded in the same step.</summary>
    public async Task<bool> TryClaimAsync(string cause, DateTimeOffset now, TimeSpan interval, CancellationToken cancellationToken = default)
    {
        var rowKey = TableKeys.Escape(cause);
        var existing = await _table.GetOrNullAsync(CausePartition, rowKey, cancellationToken).ConfigureAwait(false);
        var row = new TableEntity(CausePartition, rowKey) { ["Cause"] = cause, ["SentAt"] = now };
        try
        {
            if (existing is null)
            {
                await _table.InsertAsync(row, cancellationToken).ConfigureAwait(false);
                return true;
            }

            if (existing.GetDateTimeOffset("SentAt") is { } sent && now - sent < interval) return false;
            await _table.ReplaceCheckedAsync(row, existing.ETag, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (ConcurrencyConflictException)
        {
            return false; // another instance claimed it first
        }
    }

    /// <summary>The last value stored under <paramref name="name"/>, then stores <paramref name="value"/>.</summary>
    public async Task<long?> ExchangeFigureAsync(string name, long value, CancellationToken cancellationToken = default)
    {
        var rowKey = TableKeys.Escape(name);
        var existing = await _table.GetOrNullAsync(FigurePartition, rowKey, cancellationToken).ConfigureAwait(false);
        var row = new TableEntity(FigurePartition, rowKey) { ["Value"] = value.ToString(CultureInfo.InvariantCulture) };
        await _table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        return existing?.GetString("Value") is { } text && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var last) ? last : null;
    }
}
