namespace PsBill.Connector.Work;

/// <summary>A queue message is not a work item. Retrying cannot help: it goes to the poison queue with this reason.</summary>
public sealed class WorkItemFormatException(string problem, Exception? inner = null)
    : Exception($"Unreadable work item: {problem}.", inner)
{
    /// <summary>What is wrong with the message.</summary>
    public string Problem { get; } = problem;
}
