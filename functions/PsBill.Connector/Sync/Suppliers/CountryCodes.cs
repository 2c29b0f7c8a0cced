namespace PsBill.Connector.Sync.Suppliers;

/// <summary>PeopleSoft keeps ISO 3166 alpha-3 country codes (<c>USA</c>); BILL takes alpha-2 (<c>US</c>). The app runs with
/// invariant globalization, so the table is here rather than from <c>RegionInfo</c>.</summary>
public static class CountryCodes
{
    private static readonly Dictionary<string, string> Alpha3ToAlpha2 = new(StringComparer.OrdinalIgnoreCase)
    {
        ["USA"] = "US", ["CAN"] = "CA", ["MEX"] = "MX", ["GBR"] = "GB", ["IRL"] = "IE", ["FRA"] = "FR", ["DEU"] = "DE",
        ["NLD"] = "NL", ["BEL"] = "BE", ["LUX"] = "LU", ["CHE"] = "CH", ["AUT"] = "AT", ["ITA"] = "IT", ["ESP"] = "ES",
        ["PRT"] = "PT", ["DNK"] = "DK", ["NOR"] = "NO", ["SWE"] = "SE", ["FIN"] = "FI", ["ISL"] = "IS", ["POL"] = "PL",
        ["CZE"] = "CZ", ["SVK"] = "SK", ["HUN"] = "HU", ["ROU"] = "RO", ["BGR"] = "BG", ["GRC"] = "GR", ["TUR"] = "TR",
        ["RUS"] = "RU", ["UKR"] = "UA", ["ISR"] = "IL", ["ARE"] = "AE", ["SAU"] = "SA", ["IND"] = "IN", ["CHN"] = "CN",
        ["HKG"] = "HK", ["TWN"] = "TW", ["JPN"] = "JP", ["KOR"] = "KR", ["SGP"] = "SG", ["MYS"] = "MY", ["THA"] = "TH",
        ["VNM"] = "VN", ["PHL"] = "PH", ["IDN"] = "ID", ["AUS"] = "AU", ["NZL"] = "NZ", ["ZAF"] = "ZA", ["BRA"] = "BR",
        ["ARG"] = "AR", ["CHL"] = "CL", ["COL"] = "CO", ["PER"] = "PE", ["PRI"] = "PR", ["EGY"] = "EG", ["NGA"] = "NG",
        ["KEN"] = "KE", ["MAR"] = "MA", ["EST"] = "EE", ["LVA"] = "LV", ["LTU"] = "LT", ["SVN"] = "SI", ["HRV"] = "HR",
    };

    /// <summary>The alpha-2 code for a PeopleSoft country (alpha-3 or already alpha-2), or null when unknown.</summary>
    public static string? ToAlpha2(string? country)
    {
        if (string.IsNullOrWhiteSpace(country)) return null;
        var code = country.Trim();
        if (code.Length == 2 && code.All(char.IsAsciiLetter)) return code.ToUpperInvariant();
        return Alpha3ToAlpha2.GetValueOrDefault(code);
    }
}
