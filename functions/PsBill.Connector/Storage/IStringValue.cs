namespace PsBill.Connector.Storage;

/// <summary>An open, string-backed value (a state, a status): serialized to JSON as its plain string.</summary>
public interface IStringValue<TSelf> where TSelf : IStringValue<TSelf>
{
    /// <summary>The string.</summary>
    string Value { get; }

    /// <summary>Makes the value from its string.</summary>
    static abstract TSelf From(string value);
}
