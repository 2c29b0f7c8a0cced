using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using PsBill.Connector.Bill;
using PsBill.Connector.Storage;

namespace PsBill.Connector.Reconciliation.Scheduled;

/// <summary>
/// The stored tie-outs: a row per report in the <c>tieouts</c> table (its figures, newest first, for the ops page, the CLI
/// and the alerts) and the report itself, every line, as JSON in the container <c>{prefix}-tieouts</c> (a report of
/// thousands of vouchers is far over a table row's limit). The same container keeps BILL's read of a scheduled tie-out
/// between its two activities.
/// </summary>
public sealed class TieOutStore(PsBillStorage storage, TimeProvider time)
{
    /// <summary>The logical table name.</summary>
    public const string TableName = "tieouts";

    /// <summary>How many unexplained notes a row keeps.</summary>
    public const int MaxExamples = 5;

    private const string Partition = "tieout";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly TableClient _table = storage.Table(TableName);
    private readonly BlobContainerClient _blobs = storage.BlobService.GetBlobContainerClient(ContainerName(storage.Names));
    private volatile bool _containerExists;

    /// <summary>The blob container of the reports (<c>psbill-tieouts</c>).</summary>
    public static string ContainerName(StorageNames names)
    {
        ArgumentNullException.ThrowIfNull(names);
        return $"{names.Prefix}-tieouts";
    }

    /// <summary>Stores a made report; returns its row.</summary>
    public async Task<StoredTieOut> SaveAsync(TieOutReport report, string? runId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        var id = NewId();
        var blob = $"reports/{id}.json";
        await UploadAsync(blob, BinaryData.FromObjectAsJson(report, Json), cancellationToken).ConfigureAwait(false);
        var stored = new StoredTieOut
        {
            Id = id, GeneratedAt = report.GeneratedAt, RunId = runId, AsOf = report.AsOf,
            Vouchers = report.Vouchers, Tied = report.Tied, Explained = report.Explained, Unexplained = report.Unexplained,
            PeopleSoftGross = report.Total.PeopleSoftGross, BillAmount = report.Total.BillAmount,
            BillPaid = report.Total.BillPaid, PeopleSoftPaid = report.Total.PeopleSoftPaid,
            Verdict = report.Total.Verdict, Blob = blob,
            UnexplainedExamples = report.Lines.Where(l => l.Status == TieOutStatus.Unexplained)
                .SelectMany(l => l.Notes.Where(n => !n.Explains).Select(n => n.Text)).Take(MaxExamples).ToList(),
        };
        await _table.InsertAsync(ToEntity(stored), cancellationToken).ConfigureAwait(false);
        return stored;
    }

    /// <summary>Stores a tie-out that could not be made, with why.</summary>
    public async Task<StoredTieOut> SaveFailureAsync(string? runId, string error, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(error);
        var stored = new StoredTieOut { Id = NewId(), GeneratedAt = time.GetUtcNow(), RunId = runId, Error = error };
        await _table.InsertAsync(ToEntity(stored), cancellationToken).ConfigureAwait(false);
        return stored;
    }

    /// <summary>The newest stored tie-outs, newest first (made and failed).</summary>
    public async Task<IReadOnlyList<StoredTieOut>> ListAsync(int max = 50, CancellationToken cancellationToken = default)
    {
        var list = new List<StoredTieOut>();
        await foreach (var entity in _table.QueryAsync<TableEntity>(e => e.PartitionKey == Partition, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            list.Add(FromEntity(entity));
            if (list.Count >= max) break;
        }
        return list;
    }

    /// <summary>The newest tie-out, or the newest one that was made (<paramref name="madeOnly"/>); null when there is none.</summary>
    public async Task<StoredTieOut?> LatestAsync(bool madeOnly = false, CancellationToken cancellationToken = default)
    {
        var query = madeOnly
            ? _table.QueryAsync<TableEntity>(e => e.PartitionKey == Partition && e.GetBoolean("Made") == true, cancellationToken: cancellationToken)
            : _table.QueryAsync<TableEntity>(e => e.PartitionKey == Partition, cancellationToken: cancellationToken);
        await foreach (var entity in query.ConfigureAwait(false)) return FromEntity(entity);
        return null;
    }

    /// <summary>One stored tie-out by id, or null.</summary>
    public async Task<StoredTieOut?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        if (!IsId(id)) return null;
        var entity = await _table.GetOrNullAsync(Partition, id, cancellationToken).ConfigureAwait(false);
        return entity is null ? null : FromEntity(entity);
    }

    /// <summary>The tie-out that followed run <paramref name="runId"/>, if one was stored (so a repeated activity stores none twice).</summary>
    public async Task<StoredTieOut?> FindByRunAsync(string runId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runId);
        await foreach (var entity in _table.QueryAsync<TableEntity>(e => e.PartitionKey == Partition && e.GetString("RunId") == runId, cancellationToken: cancellationToken).ConfigureAwait(false))
            return FromEntity(entity);
        return null;
    }

    /// <summary>The whole report of a made tie-out; null for a failed one or when its blob is gone.</summary>
    public async Task<TieOutReport?> ReadReportAsync(StoredTieOut stored, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stored);
        return stored.Blob is { } blob ? await DownloadAsync<TieOutReport>(blob, Json, cancellationToken).ConfigureAwait(false) : null;
    }

    /// <summary>Keeps BILL's read of a scheduled tie-out until its second activity; returns the blob name.</summary>
    public async Task<string> SaveBillReadAsync(string runId, BillTieOutSnapshot read, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runId);
        var blob = $"bill/{TableKeys.Escape(runId)}.json";
        await UploadAsync(blob, BinaryData.FromObjectAsJson(read, BillJson.Options), cancellationToken).ConfigureAwait(false);
        return blob;
    }

    /// <summary>BILL's read kept by <see cref="SaveBillReadAsync"/>, or null when it is gone.</summary>
    public Task<BillTieOutSnapshot?> ReadBillReadAsync(string blob, CancellationToken cancellationToken = default) =>
        DownloadAsync<BillTieOutSnapshot>(blob, BillJson.Options, cancellationToken);

    /// <summary>Deletes BILL's read once its report is stored.</summary>
    public async Task DeleteBillReadAsync(string blob, CancellationToken cancellationToken = default) =>
        await _blobs.DeleteBlobIfExistsAsync(blob, cancellationToken: cancellationToken).ConfigureAwait(false);

    /// <summary>Deletes the tie-outs (rows and reports) made before <paramref name="before"/>; returns how many.</summary>
    public async Task<int> PruneAsync(DateTimeOffset before, CancellationToken cancellationToken = default)
    {
        var old = new List<TableEntity>();
        // Newest first: the old ones are the tail, from the row key of the cut-off on.
        var from = RowKeyPrefix(before);
        await foreach (var entity in _table.QueryAsync<TableEntity>(e => e.PartitionKey == Partition && e.RowKey.CompareTo(from) > 0, cancellationToken: cancellationToken).ConfigureAwait(false))
            old.Add(entity);
        foreach (var entity in old)
        {
            if (entity.GetString("Blob") is { } blob) await _blobs.DeleteBlobIfExistsAsync(blob, cancellationToken: cancellationToken).ConfigureAwait(false);
            await _table.DeleteEntityAsync(entity.PartitionKey, entity.RowKey, ETag.All, cancellationToken).ConfigureAwait(false);
        }
        return old.Count;
    }

    private async Task UploadAsync(string blob, BinaryData content, CancellationToken cancellationToken)
    {
        if (!_containerExists)
        {
            await _blobs.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            _containerExists = true;
        }
        await _blobs.GetBlobClient(blob).UploadAsync(content, overwrite: true, cancellationToken).ConfigureAwait(false);
    }

    private async Task<T?> DownloadAsync<T>(string blob, JsonSerializerOptions options, CancellationToken cancellationToken) where T : class
    {
        try
        {
            var content = await _blobs.GetBlobClient(blob).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            return content.Value.Content.ToObjectFromJson<T>(options);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    // Inverted ticks: the table lists rows in key order, so the newest comes first; the suffix keeps two in one tick apart.
    private string NewId() => $"{RowKeyPrefix(time.GetUtcNow())}-{Guid.NewGuid().ToString("N")[..6]}";

    private static string RowKeyPrefix(DateTimeOffset at) => (DateTimeOffset.MaxValue.UtcTicks - at.UtcTicks).ToString("D19", CultureInfo.InvariantCulture);

    private static bool IsId(string? id) => id is { Length: 26 } && id[19] == '-' && id.All(c => char.IsAsciiDigit(c) || char.IsAsciiHexDigitLower(c) || c == '-');

    private static TableEntity ToEntity(StoredTieOut t) => new(Partition, t.Id)
    {
        ["GeneratedAt"] = t.GeneratedAt,
        ["Made"] = t.Made,
        ["RunId"] = t.RunId,
        ["Error"] = t.Error,
        ["AsOf"] = t.AsOf?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["Vouchers"] = t.Vouchers,
        ["Tied"] = t.Tied,
        ["Explained"] = t.Explained,
        ["Unexplained"] = t.Unexplained,
        // Decimal as invariant text: a table has no decimal type, and a double would lose cents.
        ["PeopleSoftGross"] = Money(t.PeopleSoftGross),
        ["BillAmount"] = Money(t.BillAmount),
        ["BillPaid"] = Money(t.BillPaid),
        ["PeopleSoftPaid"] = Money(t.PeopleSoftPaid),
        ["Verdict"] = t.Verdict,
        ["Examples"] = t.UnexplainedExamples.Count > 0 ? string.Join('\n', t.UnexplainedExamples) : null,
        ["Blob"] = t.Blob,
    };

    private static StoredTieOut FromEntity(TableEntity e) => new()
    {
        Id = e.RowKey,
        GeneratedAt = e.GetDateTimeOffset("GeneratedAt") ?? e.Timestamp ?? default,
        RunId = e.GetString("RunId"),
        Error = e.GetString("Error"),
        AsOf = e.GetString("AsOf") is { } day ? DateOnly.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
        Vouchers = e.GetInt32("Vouchers") ?? 0,
        Tied = e.GetInt32("Tied") ?? 0,
        Explained = e.GetInt32("Explained") ?? 0,
        Unexplained = e.GetInt32("Unexplained") ?? 0,
        PeopleSoftGross = Money(e.GetString("PeopleSoftGross")),
        BillAmount = Money(e.GetString("BillAmount")),
        BillPaid = Money(e.GetString("BillPaid")),
        PeopleSoftPaid = Money(e.GetString("PeopleSoftPaid")),
        Verdict = e.GetString("Verdict"),
        UnexplainedExamples = e.GetString("Examples") is { Length: > 0 } examples ? examples.Split('\n') : [],
        Blob = e.GetString("Blob"),
    };

    private static string Money(decimal amount) => amount.ToString(CultureInfo.InvariantCulture);

    private static decimal Money(string? text) =>
        decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var amount) ? amount : 0m;
}
