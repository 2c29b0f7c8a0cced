using System.Globalization;
using System.Text.Json;

namespace PsBill.Connector.PeopleSoft;

/// <summary>
/// Where an incremental read stands: the last-changed timestamp and key of the last record read. The next read
/// returns only records strictly after it, ordered by (timestamp, key), so nothing is skipped or read twice.
/// The caller persists it (<see cref="Serialize"/> / <see cref="Parse"/>) after it has handled the record.
/// </summary>
public sealed class PeopleSoftCheckpoint : IEquatable<PeopleSoftCheckpoint>, IComparable<PeopleSoftCheckpoint>
{
    private readonly string[] _key;

    /// <summary>Creates a checkpoint at a timestamp and key.</summary>
    /// <param name="changedAt">The last-changed timestamp, in PeopleSoft's own time (no offset: it is compared, never converted).</param>
    /// <param name="key">The record key fields in key order (e.g. BUSINESS_UNIT, VOUCHER_ID).</param>
    public PeopleSoftCheckpoint(DateTime changedAt, IEnumerable<string> key)
    {
        ChangedAt = DateTime.SpecifyKind(changedAt, DateTimeKind.Unspecified);
        _key = key.ToArray();
    }

    /// <summary>The last-changed timestamp of the last record read.</summary>
    public DateTime ChangedAt { get; }

    /// <summary>The key fields of the last record read, in key order.</summary>
    public IReadOnlyList<string> Key => _key;

    /// <summary>Orders by timestamp, then key field by key field (ordinal, as PeopleSoft's uppercase CHAR keys sort).</summary>
    public int CompareTo(PeopleSoftCheckpoint? other)
    {
        if (other is null) return 1;
        var byTime = ChangedAt.CompareTo(other.ChangedAt);
        if (byTime != 0) return byTime;
        for (var i = 0; i < Math.Min(_key.Length, other._key.Length); i++)
        {
            var byField = string.CompareOrdinal(_key[i], other._key[i]);
            if (byField != 0) return byField;
        }
        return _key.Length.CompareTo(other._key.Length);
    }

    /// <summary>Text to persist; <see cref="Parse"/> reads it back.</summary>
    public string Serialize() => JsonSerializer.Serialize(
        new Stored(ChangedAt.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff", CultureInfo.InvariantCulture), _key));

    /// <summary>Reads a checkpoint written by <see cref="Serialize"/>.</summary>
    /// <exception cref="FormatException">The text is not a serialized checkpoint.</exception>
    public static PeopleSoftCheckpoint Parse(string text)
    {
        Stored? stored;
        try { stored = JsonSerializer.Deserialize<Stored>(text); }
        catch (JsonException ex) { throw new FormatException("The text is not a PeopleSoft checkpoint.", ex); }
        if (stored?.ChangedAt is null || stored.Key is null ||
            !DateTime.TryParseExact(stored.ChangedAt, "yyyy-MM-dd'T'HH:mm:ss.fffffff", CultureInfo.InvariantCulture, DateTimeStyles.None, out var changedAt))
            throw new FormatException("The text is not a PeopleSoft checkpoint.");
        return new PeopleSoftCheckpoint(changedAt, stored.Key);
    }

    /// <inheritdoc/>
    public bool Equals(PeopleSoftCheckpoint? other) => other is not null && CompareTo(other) == 0;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as PeopleSoftCheckpoint);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(ChangedAt, string.Join('\u001f', _key));

    /// <inheritdoc/>
    public override string ToString() =>
        $"{ChangedAt:yyyy-MM-dd HH:mm:ss.ffffff} {string.Join('/', _key)}";

    private sealed record Stored(string ChangedAt, string[] Key);
}
