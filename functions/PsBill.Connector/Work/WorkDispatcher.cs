using PsBill.Connector.Diagnostics.Telemetry;

namespace PsBill.Connector.Work;

/// <summary>Hands a work item to the handler registered for its kind.</summary>
public sealed class WorkDispatcher
{
    private readonly Dictionary<WorkItemKind, IWorkItemHandler> _handlers;

    /// <exception cref="InvalidOperationException">Two handlers claim the same kind.</exception>
    public WorkDispatcher(IEnumerable<IWorkItemHandler> handlers)
    {
        _handlers = [];
        foreach (var handler in handlers)
        {
            if (!_handlers.TryAdd(handler.Kind, handler))
                throw new InvalidOperationException(
                    $"Two work item handlers claim kind '{handler.Kind}': {_handlers[handler.Kind].GetType().Name} and {handler.GetType().Name}.");
        }
    }

    /// <summary>The kinds that have a handler.</summary>
    public IReadOnlyCollection<WorkItemKind> Kinds => _handlers.Keys;

    /// <summary>Runs the item's handler. An item of a kind nobody handles fails (to the poison queue) with that reason.</summary>
    public async Task<WorkOutcome> DispatchAsync(WorkItem item, WorkContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        var outcome = _handlers.TryGetValue(item.Kind, out var handler)
            ? await handler.HandleAsync(item, context, cancellationToken).ConfigureAwait(false)
            : WorkOutcome.Failed(
                $"No handler is registered for work items of kind '{item.Kind}' (known: {string.Join(", ", _handlers.Keys.Select(k => k.Value).Order(StringComparer.Ordinal))}).");
        if (outcome.Kind == WorkOutcomeKind.Failed)
            PsBillTelemetry.RecordsFailed.Add(item.Keys.Count, new KeyValuePair<string, object?>(PsBillTelemetry.Tags.Kind, item.Kind.Value));
        return outcome;
    }
}
