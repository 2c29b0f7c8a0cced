using System.ComponentModel.DataAnnotations;

namespace PsBill.Connector.Sync.Adoption;

/// <summary>
/// How the first connect takes over what AP keyed into BILL by hand before go-live, bound from <c>PsBill:Adoption</c>
/// (app settings <c>PsBill__Adoption__...</c>): vendors matched before they are created, bills looked for before they are created.
/// </summary>
public sealed class AdoptionOptions
{
    /// <summary>The configuration section under <c>PsBill</c>.</summary>
    public const string Section = "Adoption";

    /// <summary>Look for an existing BILL vendor before creating one (<c>PsBill__Adoption__MatchVendors</c>; default true).</summary>
    public bool MatchVendors { get; set; } = true;

    /// <summary>The score (0-100) from which a single candidate is adopted without asking (<c>PsBill__Adoption__SureMatchScore</c>; default 80:
    /// the same name after normalization with nothing that contradicts it).</summary>
    [Range(1, 100)]
    public int SureMatchScore { get; set; } = 80;

    /// <summary>The score from which a candidate is proposed to an operator; below it the vendor is created (<c>PsBill__Adoption__PossibleMatchScore</c>; default 45).</summary>
    [Range(1, 100)]
    public int PossibleMatchScore { get; set; } = 45;

    /// <summary>Give an adopted vendor PeopleSoft's name and payee name (<c>PsBill__Adoption__RenameAdoptedVendors</c>; default false: only the
    /// <c>shortName</c> marker is written; later PeopleSoft changes update the other fields but never the name).</summary>
    public bool RenameAdoptedVendors { get; set; }

    /// <summary>Look for a hand-keyed bill (same vendor and invoice number) before creating one (<c>PsBill__Adoption__MatchBills</c>; default true).</summary>
    public bool MatchBills { get; set; } = true;

    /// <summary>How long the BILL vendor list and each vendor's bill list are reused, about one cycle (<c>PsBill__Adoption__DirectoryCacheLifetime</c>; default 5 minutes).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan DirectoryCacheLifetime { get; set; } = TimeSpan.FromMinutes(5);
}
