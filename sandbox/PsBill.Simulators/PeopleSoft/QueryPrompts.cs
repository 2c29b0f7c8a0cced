using System.Globalization;

namespace PsBill.Simulators.PeopleSoft;

/// <summary>The prompt values of one QAS call, by unique prompt name.</summary>
internal sealed class QueryPrompts(IReadOnlyDictionary<string, string> values)
{
    private static readonly string[] TimestampFormats =
        ["yyyy-MM-dd-HH.mm.ss.ffffff", "yyyy-MM-dd-HH.mm.ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd HH:mm:ss.FFFFFFF", "yyyy-MM-dd"];

    public string Text(string prompt) => values[prompt];

    /// <summary>A datetime prompt; PeopleSoft refuses a value it cannot convert.</summary>
    public DateTime Timestamp(string prompt) =>
        DateTime.TryParseExact(values[prompt], TimestampFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var stamp)
            ? stamp
            : throw new QasRequestException($"Invalid value '{values[prompt]}' for prompt {prompt}: not a date/time.");
}
