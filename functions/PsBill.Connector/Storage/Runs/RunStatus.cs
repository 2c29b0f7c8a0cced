using System.Text.Json.Serialization;

namespace PsBill.Connector.Storage.Runs;

/// <summary>How a run ended, open and string-backed like the other states.</summary>
[JsonConverter(typeof(StringValueJsonConverter<RunStatus>))]
public readonly record struct RunStatus(string Value) : IStringValue<RunStatus>
{
    /// <summary>Started, not finished (or the process died: see <see cref="Run.StartedAt"/>).</summary>
    public static readonly RunStatus Running = new("running");

    /// <summary>Finished without error.</summary>
    public static readonly RunStatus Succeeded = new("succeeded");

    /// <summary>Stopped by an error; see <see cref="Run.Error"/>.</summary>
    public static readonly RunStatus Failed = new("failed");

    /// <inheritdoc />
    public static RunStatus From(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
