namespace PsBill.Simulators.PeopleSoft;

/// <summary>
/// How the simulated shop built its "record payment" CI: the write operation it exposes (<c>C</c> Create, <c>UP</c>
/// Update or <c>UD</c> UpdateData) and whether the payment properties sit in a collection or flat on the body root.
/// PEOPLESOFT-API.md: customer-built CIs differ exactly there, so the simulator serves either.
/// </summary>
/// <param name="WriteOperation">The one write operation exposed: <c>C</c>, <c>UP</c> or <c>UD</c>.</param>
/// <param name="Collection">The payment collection (scroll) element, or null for flat properties.</param>
public sealed record PaymentCiShape(string WriteOperation, string? Collection)
{
    /// <summary>UpdateData (<c>CI_..._UD</c>) with the payment in a <c>PYMNT_VCHR_XREF</c> collection: PsBill's default.</summary>
    public static PaymentCiShape UpdateDataCollection { get; } = new("UD", "PYMNT_VCHR_XREF");

    /// <summary>Create (<c>CI_..._C</c>, body <c>Create__CompIntfc__...</c>) with every property flat on the root.</summary>
    public static PaymentCiShape CreateFlat { get; } = new("C", null);
}
