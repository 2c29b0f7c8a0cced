using System.Text;

namespace PsBill.Connector.Sync.Adoption;

/// <summary>Vendor names reduced to what tells two companies apart: case, punctuation, "&amp;" and legal forms
/// (Inc, LLC, Ltd, Corp, Co, GmbH, ...) do not; a typo does, a little (<see cref="Similarity"/>).</summary>
public static class VendorNames
{
    private static readonly HashSet<string> LegalForms = new(StringComparer.Ordinal)
    {
        "the", "inc", "incorporated", "llc", "llp", "lp", "ltd", "limited", "corp", "corporation", "co", "company",
        "plc", "gmbh", "ag", "sa", "sas", "srl", "bv", "nv", "pty", "pc",
    };

    /// <summary>The normalized name: lower case, letters and digits, single spaces, no legal form.</summary>
    public static string Normalize(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return "";
        var text = new StringBuilder(name.Length);
        foreach (var c in name.Replace("&", " and ", StringComparison.Ordinal))
            text.Append(char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : ' ');
        var words = text.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => !LegalForms.Contains(w));
        return string.Join(' ', words);
    }

    /// <summary>The character pairs of a normalized name (spaces dropped), for <see cref="Similarity"/>.</summary>
    public static HashSet<string> Pairs(string normalized)
    {
        var compact = normalized.Replace(" ", "", StringComparison.Ordinal);
        var pairs = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < compact.Length; i++) pairs.Add(compact.Substring(i, 2));
        return pairs;
    }

    /// <summary>Dice's coefficient of two pair sets: 1 for the same name, 0 for nothing in common.</summary>
    public static double Similarity(HashSet<string> left, HashSet<string> right)
    {
        if (left.Count == 0 || right.Count == 0) return 0;
        var common = left.Count <= right.Count ? left.Count(right.Contains) : right.Count(left.Contains);
        return 2.0 * common / (left.Count + right.Count);
    }
}
