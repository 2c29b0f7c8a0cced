using System.Text;
using System.Text.RegularExpressions;

namespace PsBill.Connector.PeopleSoft;

/// <summary>An OPRID and password. <see cref="ToString"/> never shows them.</summary>
public sealed class PeopleSoftCredential(string operatorId, string password)
{
    /// <summary>The PeopleSoft user (OPRID).</summary>
    public string OperatorId { get; } = operatorId;

    /// <summary>The password.</summary>
    public string Password { get; } = password;

    /// <summary>The HTTP Basic parameter: base64(OPRID:password).</summary>
    internal string BasicParameter => Convert.ToBase64String(Encoding.UTF8.GetBytes($"{OperatorId}:{Password}"));

    /// <summary>Replaces the OPRID and password where they stand as a word in a text taken from a response.
    /// Whole words only: a short OPRID such as <c>PS</c> must not turn "PeopleSoft" into nonsense.</summary>
    internal string Mask(string text)
    {
        if (Password.Length > 0) text = Word(Password).Replace(text, "***");
        if (OperatorId.Length > 0) text = new Regex(Word(OperatorId).ToString(), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant).Replace(text, "<oprid>");
        return text;
    }

    private static Regex Word(string value) =>
        new($@"(?<![\p{{L}}\p{{N}}_]){Regex.Escape(value)}(?![\p{{L}}\p{{N}}_])", RegexOptions.CultureInvariant);

    /// <inheritdoc/>
    public override string ToString() => "PeopleSoftCredential(***)";
}
