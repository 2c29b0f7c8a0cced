using System.Text;

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

    /// <summary>Replaces the OPRID and password wherever they occur in a text taken from a response.</summary>
    internal string Mask(string text)
    {
        if (Password.Length > 0) text = text.Replace(Password, "***", StringComparison.Ordinal);
        if (OperatorId.Length > 0) text = text.Replace(OperatorId, "<oprid>", StringComparison.OrdinalIgnoreCase);
        return text;
    }

    /// <inheritdoc/>
    public override string ToString() => "PeopleSoftCredential(***)";
}
