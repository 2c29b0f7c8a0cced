namespace PsBill.Connector.Settlement.Export;

/// <summary>
/// The fixed-width layout of the journal import flat file PsBill writes for <c>GL_JRNL_IMPORT</c>: one header record
/// (<c>H</c>) per journal, followed by its line records (<c>L</c>). Text is left-aligned and space-padded; the line
/// number is zero-padded; the amount is right-aligned with a leading minus for credits and two decimals. Field names
/// are those of <c>PS_JRNL_HEADER</c> and <c>PS_JRNL_LN</c>; map them in the import's file layout definition.
/// </summary>
public static class JournalImportLayout
{
    /// <summary>A field: its name, width and whether a longer value may be cut (descriptions) or is an error (keys, accounts).</summary>
    public sealed record Field(string Name, int Width, bool MayTruncate = false, bool RightAligned = false);

    /// <summary>The header record after its record type <c>H</c>.</summary>
    public static readonly IReadOnlyList<Field> Header =
    [
        new("BUSINESS_UNIT", 5), new("JOURNAL_ID", 10), new("JOURNAL_DATE", 10), new("LEDGER_GROUP", 10),
        new("SOURCE", 3), new("DESCR", 30, MayTruncate: true),
    ];

    /// <summary>The line record after its record type <c>L</c>.</summary>
    public static readonly IReadOnlyList<Field> Line =
    [
        new("BUSINESS_UNIT", 5), new("JOURNAL_LINE", 9, RightAligned: true), new("LEDGER", 10), new("ACCOUNT", 10),
        new("DEPTID", 10), new("MONETARY_AMOUNT", 28, RightAligned: true), new("JOURNAL_LN_REF", 10),
        new("LINE_DESCR", 30, MayTruncate: true),
    ];

    /// <summary>The length of a header record, record type included.</summary>
    public static int HeaderLength => 1 + Header.Sum(f => f.Width);

    /// <summary>The length of a line record, record type included.</summary>
    public static int LineLength => 1 + Line.Sum(f => f.Width);

    /// <summary>Formats one record: the record type and each value in its field.</summary>
    /// <exception cref="FormatException">A value that may not be cut is longer than its field.</exception>
    public static string Format(char recordType, IReadOnlyList<Field> fields, IReadOnlyList<string> values)
    {
        if (values.Count != fields.Count) throw new ArgumentException($"Expected {fields.Count} values, got {values.Count}.", nameof(values));
        var builder = new System.Text.StringBuilder(1 + fields.Sum(f => f.Width)).Append(recordType);
        for (var i = 0; i < fields.Count; i++)
        {
            var (field, value) = (fields[i], values[i].Replace('\r', ' ').Replace('\n', ' '));
            if (value.Length > field.Width)
            {
                if (!field.MayTruncate) throw new FormatException($"{field.Name} '{value}' is longer than its {field.Width} characters in the journal import layout.");
                value = value[..field.Width];
            }
            builder.Append(field.RightAligned ? value.PadLeft(field.Width, field.Name == "JOURNAL_LINE" ? '0' : ' ') : value.PadRight(field.Width));
        }
        return builder.ToString();
    }

    /// <summary>Reads a record back into its values (trimmed): for tests and for checking a file before loading it.</summary>
    public static IReadOnlyList<string> Parse(string record, IReadOnlyList<Field> fields)
    {
        ArgumentNullException.ThrowIfNull(record);
        var values = new List<string>(fields.Count);
        var position = 1;
        foreach (var field in fields)
        {
            values.Add(record.Substring(position, field.Width).Trim());
            position += field.Width;
        }
        return values;
    }
}
