namespace PsBill.Connector.Work.Steps;

/// <summary>A function ran but the component that does its work was not registered: it fails loudly instead of pretending success.</summary>
public sealed class StepNotConfiguredException(string function, Type step)
    : Exception($"{function} is not configured: no {step.Name} is registered (add the component that implements it in AddPsBill).")
{
    /// <summary>The function that could not run.</summary>
    public string Function { get; } = function;

    /// <summary>The missing service.</summary>
    public Type Step { get; } = step;
}
