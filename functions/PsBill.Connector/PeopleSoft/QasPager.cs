using Microsoft.Extensions.Logging;

namespace PsBill.Connector.PeopleSoft;

/// <summary>
/// Reads a query to its end in <c>maxrows</c> responses, as records (groups of consecutive rows with the same
/// timestamp and key). QAS has no paging, so a full response (<c>numrows == maxrows</c>) is continued by asking
/// again from the last complete record's (timestamp, key): its last record may be cut short by <c>maxrows</c>, so
/// it is held back and read whole in the next response. Rows at or before the position are skipped, which makes
/// a query with only a <c>changed &gt;= :since</c> prompt exact too. A record that alone fills a whole response
/// cannot be read whole: with after-key prompts it is returned marked <see cref="QasRecordGroup.Oversized"/> (the
/// caller parks it) and the read goes on after it; without them the read cannot get past it and fails.
/// The first row of every response is checked for the columns the mapping needs.
/// </summary>
internal sealed class QasPager(PeopleSoftQueryClient client, PeopleSoftClientOptions options, ILogger logger)
{
    /// <param name="query">The query, its key and required columns.</param>
    /// <param name="start">Where to start (exclusive), or null for the beginning.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public async IAsyncEnumerable<QasRecordGroup> ReadAsync(
        QasQuery query,
        PeopleSoftCheckpoint? start,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var settings = query.Options;
        var keyColumns = query.KeyColumns;
        var afterKeyPrompts = settings.AfterKeyPromptList;
        if (afterKeyPrompts.Count > 0 && afterKeyPrompts.Count != keyColumns.Count)
            throw new PeopleSoftException(
                $"Query {settings.Name}: PsBill:PeopleSoft:Queries:{query.Setting}:AfterKeyPrompts names {afterKeyPrompts.Count} prompts but its key has {keyColumns.Count} fields ({string.Join(", ", keyColumns)}).",
                PeopleSoftErrorKind.Configuration, new PeopleSoftErrorCode("CONFIGURATION"));

        var position = start;
        while (true)
        {
            var prompts = Prompts(query, position, options);
            var response = await client.ExecuteAsync(settings.Name, prompts, settings.MaxRows, cancellationToken).ConfigureAwait(false);
            if (response.Rows.Count > 0 && PeopleSoftQueryColumns.FirstMissing(response.Rows[0], query.AllRequiredColumns) is { } missing)
                throw PeopleSoftQueryColumns.Missing(settings.Name, query.Setting, missing);
            List<QasRecordGroup> groups;
            try { groups = Group(response.Rows, keyColumns, query.Incremental ? settings.ChangedColumn : null); }
            catch (InvalidOperationException ambiguous)
            {
                throw new PeopleSoftException($"Query {settings.Name}: {ambiguous.Message}", PeopleSoftErrorKind.Configuration,
                    new PeopleSoftErrorCode("CONFIGURATION"), innerException: ambiguous);
            }
            var full = response.NumRows >= settings.MaxRows;

            var fresh = groups.Where(g => position is null || g.Position is null || g.Position.CompareTo(position) > 0).ToList();
            if (full && fresh.Count > 0 && ReferenceEquals(fresh[^1], groups[^1])) fresh.RemoveAt(fresh.Count - 1);
            if (full && !fresh.Any(g => g.Position is not null))
            {
                // One record fills the whole response: it cannot be read whole at this MaxRows.
                var big = groups[^1];
                if (afterKeyPrompts.Count == 0 || big.Position is null || (position is not null && big.Position.CompareTo(position) <= 0))
                {
                    throw new PeopleSoftException(
                        $"Query {settings.Name} returned a full response ({response.NumRows} rows) that cannot be read on from " +
                        $"{position?.ToString() ?? "the start"}: more rows share one timestamp and key than maxrows allows. " +
                        $"Raise PsBill:PeopleSoft:Queries:{query.Setting}:MaxRows, or give the query after-key prompts ({query.Setting}:AfterKeyPrompts) " +
                        "so that such a record is parked and the read goes on.",
                        PeopleSoftErrorKind.Configuration, PeopleSoftErrorCode.PageCannotAdvance);
                }
                fresh = [big with { Oversized = true }];
                PeopleSoftLog.RecordTooLarge(logger, settings.Name, string.Join('/', big.Key), settings.MaxRows);
            }

            foreach (var group in fresh)
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return group;
                if (group.Position is not null) position = group.Position;
            }

            if (!full) yield break;
            PeopleSoftLog.ReadingOn(logger, settings.Name, response.NumRows, position?.ToString() ?? "the start");
        }
    }

    /// <summary>The prompts of a read from <paramref name="position"/> (the start when null): the changed-since timestamp,
    /// then the after-key prompts with the position's key (a blank, which sorts first, at the start).</summary>
    internal static List<KeyValuePair<string, string>> Prompts(QasQuery query, PeopleSoftCheckpoint? position, PeopleSoftClientOptions options)
    {
        var prompts = new List<KeyValuePair<string, string>>();
        if (query.Incremental && query.Options.ChangedSincePromptName is { Length: > 0 } sincePrompt)
            prompts.Add(new(sincePrompt, PeopleSoftValues.FormatTimestamp(position?.ChangedAt ?? options.InitialChangedSince, options.DateTimePromptFormat)));
        var afterKeyPrompts = query.Options.AfterKeyPromptList;
        for (var i = 0; i < afterKeyPrompts.Count; i++)
            prompts.Add(new(afterKeyPrompts[i], position is null ? " " : position.Key[i]));
        return prompts;
    }

    private static List<QasRecordGroup> Group(IReadOnlyList<PeopleSoftQueryRow> rows, IReadOnlyList<string> keyColumns, string? changedColumn)
    {
        var groups = new List<QasRecordGroup>();
        var current = new List<PeopleSoftQueryRow>();
        string[]? currentKey = null;
        string? currentStamp = null;

        void Close()
        {
            if (currentKey is null) return;
            PeopleSoftCheckpoint? position;
            if (changedColumn is null) position = new PeopleSoftCheckpoint(DateTime.MinValue, currentKey);
            else position = PeopleSoftValues.TryTimestamp(currentStamp, out var stamp) ? new PeopleSoftCheckpoint(stamp, currentKey) : null;
            groups.Add(new QasRecordGroup(current, currentKey, position, currentStamp));
            current = [];
        }

        foreach (var row in rows)
        {
            var key = keyColumns.Select(column => row[column] ?? "").ToArray();
            var stamp = changedColumn is null ? null : row[changedColumn];
            if (currentKey is null || !key.SequenceEqual(currentKey, StringComparer.Ordinal) || !string.Equals(stamp, currentStamp, StringComparison.Ordinal))
            {
                Close();
                currentKey = key;
                currentStamp = stamp;
            }
            current.Add(row);
        }
        Close();
        return groups;
    }
}
