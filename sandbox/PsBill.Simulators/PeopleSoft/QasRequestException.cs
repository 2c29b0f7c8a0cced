namespace PsBill.Simulators.PeopleSoft;

/// <summary>A QAS or CI request PeopleSoft would refuse: answered as an IBResponse error.</summary>
internal sealed class QasRequestException(string message, int? messageSetId = null, int? messageId = null, params string[] parameters)
    : Exception(message)
{
    public int? MessageSetId { get; } = messageSetId;
    public int? MessageId { get; } = messageId;
    public IReadOnlyList<string> Parameters { get; } = parameters;
}
