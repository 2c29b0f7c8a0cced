using Microsoft.Extensions.Logging;

namespace PsBill.Connector.PeopleSoft;

/// <summary>
/// Reads a query to its end in <c>maxrows</c> responses, as records (groups of consecutive rows with the same
/// timestamp and key). QAS has no paging, so a full response (<c>numrows == maxrows</c>) is continued by asking
/// again from the last complete record's (timestamp, key): its last record may be cut short by <c>maxrows</c>, so
/// it is held back and read whole in the next response. Rows at or before the position are skipped, which makes
/// a query with only a <c>changed &gt;= :since</c> prompt exact too.
/// </summary>
internal sealed class QasPager(PeopleSoftQueryClient client, PeopleSoftClientOptions options, ILogger logger)
{
    /// <param name="query">The query and its prompts.</param>
    /// <param name="keyColumns">The record key columns, in the query's order.</param>
    /// <param name="start">Where to start (exclusive), or null for the beginning.</param>
    /// <param name="incremental">True when the query is ordered and prompted by its changed timestamp.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public async IAsyncEnumerable<QasRecordGroup> ReadAsync(
        PeopleSoftQueryOptions query,
        IReadOnlyList<string> keyColumns,
        PeopleSoftCheckpoint? start,
        bool incremental,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var afterKeyPrompts = query.AfterKeyPromptList;
        if (afterKeyPrompts.Count > 0 && afterKeyPrompts.Count != keyColumns.Count)
            throw new PeopleSoftException(
                $"Query {query.Name}: AfterKeyPrompts names {afterKeyPrompts.Count} prompts but its key has {keyColumns.Count} fields ({string.Join(", ", keyColumns)}).",
                PeopleSoftErrorKind.Configuration, new PeopleSoftErrorCode("CONFIGURATION"));

        var position = start;
        while (true)
        {
            var prompts = new List<KeyValuePair<string, string>>();
            if (incremental && query.ChangedSincePrompt is { Length: > 0 } sincePrompt)
                prompts.Add(new(sincePrompt, PeopleSoftValues.FormatTimestamp(position?.ChangedAt ?? options.InitialChangedSince, options.DateTimePromptFormat)));
            for (var i = 0; i < afterKeyPrompts.Count; i++)
                prompts.Add(new(afterKeyPrompts[i], position is null ? " " : position.Key[i]));

            var response = await client.ExecuteAsync(query.Name, prompts, query.MaxRows, cancellationToken).ConfigureAwait(false);
            List<QasRecordGroup> groups;
            try { groups = Group(response.Rows, keyColumns, incremental ? query.ChangedColumn : null); }
            catch (InvalidOperationException ambiguous)
            {
                throw new PeopleSoftException($"Query {query.Name}: {ambiguous.Message}", PeopleSoftErrorKind.Configuration,
                    new PeopleSoftErrorCode("CONFIGURATION"), innerException: ambiguous);
            }
            var full = response.NumRows >= query.MaxRows;

            var fresh = groups.Where(g => position is null || g.Position is null || g.Position.CompareTo(position) > 0).ToList();
            if (full && fresh.Count > 0 && ReferenceEquals(fresh[^1], groups[^1])) fresh.RemoveAt(fresh.Count - 1);
            if (full && !fresh.Any(g => g.Position is not null))
            {
                throw new PeopleSoftException(
                    $"Query {query.Name} returned a full response ({response.NumRows} rows) that cannot be read on from " +
                    $"{position?.ToString() ?? "the start"}: more rows share one timestamp and key than maxrows allows. " +
                    $"Raise MaxRows for {query.Name}, or give the query after-key prompts.",
                    PeopleSoftErrorKind.Configuration, PeopleSoftErrorCode.PageCannotAdvance);
            }

            foreach (var group in fresh)
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return group;
                if (group.Position is not null) position = group.Position;
            }

            if (!full) yield break;
            PeopleSoftLog.ReadingOn(logger, query.Name, response.NumRows, position?.ToString() ?? "the start");
        }
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
