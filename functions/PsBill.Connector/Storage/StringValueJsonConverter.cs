using System.Text.Json;
using System.Text.Json.Serialization;

namespace PsBill.Connector.Storage;

/// <summary>Writes an <see cref="IStringValue{TSelf}"/> as a JSON string (<c>"parked"</c>, not <c>{"value":"parked"}</c>).</summary>
public sealed class StringValueJsonConverter<T> : JsonConverter<T> where T : IStringValue<T>
{
    /// <inheritdoc />
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        T.From(reader.GetString() ?? "");

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(value.Value);
}
