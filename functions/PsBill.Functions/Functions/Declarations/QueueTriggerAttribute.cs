using System.Text.Json.Nodes;
using PsBill.Connector.Storage;

namespace PsBill.Functions.Functions.Declarations;

/// <summary>A trigger on PsBill's work queue (<c>%PsBill__Storage__Prefix%-work</c> on <c>AzureWebJobsStorage</c>).</summary>
public sealed class QueueTriggerAttribute : TriggerAttribute
{
    /// <summary>The binding name of the message in the host's payload.</summary>
    public const string BindingName = "message";

    /// <summary>The queue name as function.json writes it (resolved from app settings by the Functions host).</summary>
    public const string QueueNameExpression = Connector.Work.WorkQueue.QueueNameExpression;

    /// <inheritdoc />
    public override IReadOnlyList<JsonObject> Bindings() =>
    [
        new JsonObject
        {
            ["name"] = BindingName,
            ["type"] = "queueTrigger",
            ["direction"] = "in",
            ["queueName"] = QueueNameExpression,
            ["connection"] = StorageConnection.Setting,
        },
    ];
}
