using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using PsBill.Connector.Bill.Models;

namespace PsBill.Connector.Sync.Adoption;

/// <summary>
/// Scores the existing BILL vendors against a supplier. The name carries most of the weight (80 for the same normalized name,
/// under 50 for a similar one); tax id, bank account, email and address add to it where both sides have them, and a tax id or
/// bank account that differs takes a lot away (two companies can share a name, not a tax id). A vendor carrying another
/// supplier's marker belongs to that supplier and is never a candidate; one carrying this supplier's marker is this one.
/// </summary>
public sealed partial class VendorMatcher(IOptions<AdoptionOptions> options)
{
    private const int MaxCandidates = 5;

    /// <summary>The candidates scoring at least <see cref="AdoptionOptions.PossibleMatchScore"/>, best first, and the verdict.</summary>
    public VendorVerdict Match(Vendor wanted, string marker, MatchKeys? keys, IEnumerable<DirectoryVendor> vendors)
    {
        ArgumentNullException.ThrowIfNull(wanted);
        var name = VendorNames.Normalize(wanted.Name);
        var pairs = VendorNames.Pairs(name);
        var candidates = new List<VendorCandidate>();
        foreach (var existing in vendors)
        {
            if (existing.Vendor.Id is null || existing.Vendor.Archived == true) continue;
            var shortName = existing.Vendor.ShortName?.Trim();
            if (string.Equals(shortName, marker, StringComparison.Ordinal))
                return VendorVerdict.Sure(new VendorCandidate(existing.Vendor.Id, existing.Vendor.Name ?? "", 100, ["carries this supplier's marker " + marker]));
            if (shortName is not null && MarkerShape().IsMatch(shortName)) continue; // another supplier's vendor
            var candidate = Score(wanted, name, pairs, keys, existing);
            if (candidate.Score >= options.Value.PossibleMatchScore) candidates.Add(candidate);
        }

        candidates = [.. candidates.OrderByDescending(c => c.Score).ThenBy(c => c.VendorId, StringComparer.Ordinal).Take(MaxCandidates)];
        var sure = options.Value.SureMatchScore;
        if (candidates.Count == 0) return VendorVerdict.None;
        if (candidates[0].Score >= sure && (candidates.Count == 1 || candidates[1].Score < sure)) return VendorVerdict.Sure(candidates[0]);
        return VendorVerdict.Possible(candidates);
    }

    private static VendorCandidate Score(Vendor wanted, string name, HashSet<string> pairs, MatchKeys? keys, DirectoryVendor existing)
    {
        var reasons = new List<string>();
        var score = 0;
        if (name.Length > 0 && name == existing.NormalizedName)
        {
            score += 80;
            reasons.Add("same name");
        }
        else
        {
            var similarity = VendorNames.Similarity(pairs, existing.NamePairs);
            if (similarity >= 0.5)
            {
                // At most 49: a similar name with the same email and address (79) is never sure without a tax id or bank account.
                score += Math.Min(49, (int)Math.Round(similarity * 50));
                reasons.Add($"similar name ({similarity:P0})");
            }
        }

        var vendor = existing.Vendor;
        score += Compare(Digits(keys?.TaxId), Digits(vendor.AdditionalInfo?.TaxId), 30, -50, "tax id", reasons);
        score += CompareBank(keys, vendor.PaymentInformation?.BankAccount, reasons);
        score += Compare(Lower(wanted.Email), Lower(vendor.Email), 15, 0, "email", reasons);
        score += CompareAddress(wanted.Address, vendor.Address, reasons);
        return new VendorCandidate(vendor.Id!, vendor.Name ?? "", Math.Clamp(score, 0, 100), reasons);
    }

    private static int Compare(string? ours, string? theirs, int same, int different, string what, List<string> reasons)
    {
        if (string.IsNullOrEmpty(ours) || string.IsNullOrEmpty(theirs)) return 0;
        if (ours == theirs)
        {
            reasons.Add("same " + what);
            return same;
        }
        if (different != 0) reasons.Add("different " + what);
        return different;
    }

    /// <summary>Bank accounts: BILL may show a number masked, so a masked side is compared on its last four digits.</summary>
    private static int CompareBank(MatchKeys? keys, VendorBankAccount? account, List<string> reasons)
    {
        var ours = keys?.BankAccountNumber?.Trim();
        var theirs = account?.AccountNumber?.Trim();
        if (string.IsNullOrEmpty(ours) || string.IsNullOrEmpty(theirs)) return 0;
        var masked = !theirs.All(char.IsAsciiDigit) || !ours.All(char.IsAsciiDigit);
        var oursDigits = Digits(ours) ?? "";
        var theirsDigits = Digits(theirs) ?? "";
        var same = masked
            ? oursDigits.Length >= 4 && theirsDigits.Length >= 4 && oursDigits[^4..] == theirsDigits[^4..]
            : oursDigits == theirsDigits;
        var routingOurs = Digits(keys?.BankRoutingNumber);
        var routingTheirs = Digits(account?.RoutingNumber);
        if (same && routingOurs is not null && routingTheirs is not null && routingOurs != routingTheirs) same = false;
        reasons.Add(same ? "same bank account" : "different bank account");
        return same ? 25 : -40;
    }

    private static int CompareAddress(VendorAddress? ours, VendorAddress? theirs, List<string> reasons)
    {
        var zipOurs = Digits(ours?.ZipOrPostalCode) ?? Lower(ours?.ZipOrPostalCode);
        var zipTheirs = Digits(theirs?.ZipOrPostalCode) ?? Lower(theirs?.ZipOrPostalCode);
        if (string.IsNullOrEmpty(zipOurs) || string.IsNullOrEmpty(zipTheirs)) return 0;
        if (zipOurs != zipTheirs)
        {
            reasons.Add("different postal code");
            return -10;
        }
        var line1 = VendorNames.Normalize(ours?.Line1);
        if (line1.Length > 0 && line1 == VendorNames.Normalize(theirs?.Line1))
        {
            reasons.Add("same address");
            return 15;
        }
        reasons.Add("same postal code");
        return 5;
    }

    private static string? Digits(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var digits = new string(value.Where(char.IsAsciiLetterOrDigit).ToArray()).ToUpperInvariant();
        return digits.Length == 0 ? null : digits;
    }

    private static string? Lower(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim().ToLowerInvariant();

    /// <summary>The <c>SETID:VENDOR_ID</c> shape PsBill writes into <c>shortName</c>.</summary>
    [GeneratedRegex("^[A-Za-z0-9_-]{1,5}:[A-Za-z0-9_-]{1,10}$")]
    private static partial Regex MarkerShape();
}
