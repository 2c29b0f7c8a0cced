using PsBill.Connector.Settlement;
using PsBill.Connector.Work;

namespace PsBill.Workflows.Flows;

/// <summary>The input of <see cref="FunctionNames.Activities.SettlePayments"/>: a payment work item and its payments as read on a slot.</summary>
/// <param name="Item">The work item.</param>
/// <param name="Reads">What its <see cref="FunctionNames.Activities.RunWorkItem"/> read for it on the slot.</param>
public sealed record SettleInput(WorkItem Item, IReadOnlyList<PaymentRead> Reads);
