using System.Reflection;

namespace PsBill.Functions.Functions.Declarations;

/// <summary>The app's functions, found from the trigger attributes on their classes: the one list both hosts and
/// <c>psbill functions generate</c> use.</summary>
public sealed class FunctionCatalog
{
    /// <summary>The functions of this app.</summary>
    public static FunctionCatalog Default { get; } = FromAssembly(typeof(FunctionCatalog).Assembly);

    /// <summary>Every function, by name.</summary>
    public FunctionCatalog(IEnumerable<FunctionDeclaration> functions)
    {
        Functions = functions.OrderBy(f => f.Name, StringComparer.Ordinal).ToList();
        var duplicate = Functions.GroupBy(f => f.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new InvalidOperationException($"Two functions are named {duplicate.Key}.");
    }

    /// <summary>Every function, ordered by name.</summary>
    public IReadOnlyList<FunctionDeclaration> Functions { get; }

    /// <summary>The function of that name, or null.</summary>
    public FunctionDeclaration? Find(string name) =>
        Functions.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The functions whose trigger is <typeparamref name="TTrigger"/>.</summary>
    public IEnumerable<(FunctionDeclaration Function, TTrigger Trigger)> WithTrigger<TTrigger>() where TTrigger : TriggerAttribute =>
        Functions.Where(f => f.Trigger is TTrigger).Select(f => (f, (TTrigger)f.Trigger));

    /// <summary>Reads the declarations of the classes in <paramref name="assembly"/>.</summary>
    public static FunctionCatalog FromAssembly(Assembly assembly) => new(
        assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false })
            .Select(t => (Type: t, Trigger: t.GetCustomAttribute<TriggerAttribute>()))
            .Where(x => x.Trigger is not null)
            .Select(x => new FunctionDeclaration(x.Type.Name, x.Type, x.Trigger!)));
}
