using Microsoft.Extensions.Options;
using PsBill.Connector.PeopleSoft;

namespace PsBill.Connector.Settlement.Export;

/// <summary>
/// <c>psbill settlements export</c>: writes the staged settlements that no export has included yet (or all of them) in
/// the chosen format, then marks them exported, so each load AP runs picks up only what is new.
/// </summary>
public sealed class SettlementExporter(SettlementStore store, IOptions<PeopleSoftClientOptions> peopleSoft)
{
    /// <summary>Writes the file; returns how many settlements it holds.</summary>
    /// <param name="format">CSV or the journal import flat file.</param>
    /// <param name="writer">Where to write.</param>
    /// <param name="includeExported">True to write every staged row again, not only the new ones.</param>
    /// <param name="markExported">False for a dry run that leaves the rows unmarked.</param>
    /// <param name="cancellationToken">Cancels the export.</param>
    public async Task<int> ExportAsync(SettlementExportFormat format, TextWriter writer, bool includeExported = false, bool markExported = true, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var rows = await store.ListAsync(unexportedOnly: !includeExported, cancellationToken).ConfigureAwait(false);
        switch (format)
        {
            case SettlementExportFormat.Csv:
                await CsvSettlementWriter.WriteAsync(rows, writer, cancellationToken).ConfigureAwait(false);
                break;
            case SettlementExportFormat.JournalImport:
                await JournalImportWriter.WriteAsync(rows, peopleSoft.Value.ComponentInterfaces.Journal, writer, cancellationToken).ConfigureAwait(false);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown export format.");
        }
        await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        if (markExported) await store.MarkExportedAsync(rows, cancellationToken).ConfigureAwait(false);
        return rows.Count;
    }
}
