namespace PsBill.Functions.Functions.Declarations;

/// <summary>A function: its name (the class name), its class, and its trigger.</summary>
public sealed record FunctionDeclaration(string Name, Type Type, TriggerAttribute Trigger);
