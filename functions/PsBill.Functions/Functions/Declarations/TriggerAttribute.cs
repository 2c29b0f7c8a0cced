using System.Text.Json.Nodes;

namespace PsBill.Functions.Functions.Declarations;

/// <summary>The trigger of a function, declared once on its class. It knows its function.json bindings; both hosts read it.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public abstract class TriggerAttribute : Attribute
{
    /// <summary>The <c>bindings</c> array entries of the function's function.json.</summary>
    public abstract IReadOnlyList<JsonObject> Bindings();
}
