using System.ComponentModel.DataAnnotations;

namespace PsBill.Connector.PeopleSoft;

/// <summary>
/// One public PeopleSoft Query run through <c>ExecuteQuery.v1</c>, and the unique prompt names it takes.
/// Incremental queries must select rows changed at or after <see cref="ChangedSincePrompt"/> and order them by
/// the changed timestamp, then the key fields; see docs/ARCHITECTURE.md for the criteria the customer builds.
/// </summary>
public class PeopleSoftQueryOptions
{
    /// <summary>The query name (a public query in Query Manager).</summary>
    [Required, RegularExpression("^[A-Za-z0-9_]+$", ErrorMessage = "A PeopleSoft query name has letters, digits and underscores only.")]
    public string Name { get; set; } = "";

    /// <summary>The unique prompt name of the "changed since" timestamp; empty (or <c>none</c>) for a query that is read whole.</summary>
    public string? ChangedSincePrompt { get; set; }

    /// <summary><see cref="ChangedSincePrompt"/>, or "" when cleared.</summary>
    internal string ChangedSincePromptName => PeopleSoftSettingValue.OrEmpty(ChangedSincePrompt);

    /// <summary>
    /// The unique prompt names that take the checkpoint's key fields, comma-separated in key order (a string, not
    /// an array, because configuration binding appends to array defaults instead of replacing them). With them the
    /// query selects rows strictly after (timestamp, key), so a full response is continued exactly, and a record with more
    /// rows than <see cref="MaxRows"/> is parked while the read goes on. Set empty (or <c>none</c>), the query is expected
    /// to select <c>changed &gt;= :since</c> and the reader skips rows at or before the checkpoint.
    /// </summary>
    public string AfterKeyPrompts { get; set; } = "";

    /// <summary><see cref="AfterKeyPrompts"/> as a list (empty when cleared).</summary>
    internal IReadOnlyList<string> AfterKeyPromptList =>
        PeopleSoftSettingValue.OrEmpty(AfterKeyPrompts).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The result column holding the last-changed timestamp. Default <c>LASTUPDDTTM</c>.</summary>
    [Required]
    public string ChangedColumn { get; set; } = "LASTUPDDTTM";

    /// <summary>Rows per call (<c>maxrows</c>). Default 1000; a full response is read on from its last row.</summary>
    [Range(2, 100_000)]
    public int MaxRows { get; set; } = 1000;
}
