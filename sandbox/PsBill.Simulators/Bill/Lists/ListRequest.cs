using System.Buffers.Text;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace PsBill.Simulators.Bill.Lists;

/// <summary>
/// A list call's <c>max</c> (default 20, at most 100), <c>filters</c>, <c>sort</c> and <c>page</c>. The page token is
/// opaque to clients: it carries the position and the original query, so a client may send it alone or with the
/// query repeated.
/// </summary>
internal sealed record ListRequest(int Max, IReadOnlyList<ListFilter> Filters, string? SortField, bool Descending, int Offset)
{
    public const int DefaultMax = 20;
    public const int MaxMax = 100;

    /// <summary>Reads the query; null with a reason when it is invalid.</summary>
    public static ListRequest? Parse(IQueryCollection query, out string? problem)
    {
        problem = null;
        if (query.TryGetValue("page", out var page) && !string.IsNullOrEmpty(page))
        {
            var fromToken = FromToken(page!);
            if (fromToken is null) problem = "Invalid page token.";
            return fromToken;
        }

        var max = DefaultMax;
        if (query.TryGetValue("max", out var maxText) && !string.IsNullOrEmpty(maxText)
            && (!int.TryParse(maxText, NumberStyles.None, CultureInfo.InvariantCulture, out max) || max is < 1 or > MaxMax))
        {
            problem = $"max must be between 1 and {MaxMax}.";
            return null;
        }

        var filters = ListFilter.ParseAll(query["filters"], out problem);
        if (filters is null) return null;
        string? sortField = null;
        var descending = false;
        if (query["sort"].FirstOrDefault() is { Length: > 0 } sort)
        {
            var parts = sort.Split(':');
            sortField = parts[0];
            descending = parts.Length > 1 && parts[1].Equals("desc", StringComparison.OrdinalIgnoreCase);
        }

        return new ListRequest(max, filters, sortField, descending, 0);
    }

    /// <summary>Filters, sorts and pages <paramref name="records"/> into BILL's <c>{results, nextPage, prevPage}</c>.</summary>
    public JsonObject Answer(IEnumerable<JsonObject> records)
    {
        var matching = records.Where(r => Filters.All(f => f.Matches(r)));
        if (SortField is not null)
        {
            matching = Descending
                ? matching.OrderByDescending(r => JsonField.Text(r, SortField), Comparer<string?>.Create(JsonField.Compare))
                : matching.OrderBy(r => JsonField.Text(r, SortField), Comparer<string?>.Create(JsonField.Compare));
        }

        var all = matching.ToList();
        var page = all.Skip(Offset).Take(Max).Select(r => (JsonNode)r.DeepClone()).ToArray();
        var answer = new JsonObject { ["results"] = new JsonArray(page) };
        if (Offset + Max < all.Count) answer["nextPage"] = (this with { Offset = Offset + Max }).ToToken();
        if (Offset > 0) answer["prevPage"] = (this with { Offset = Math.Max(0, Offset - Max) }).ToToken();
        return answer;
    }

    private string ToToken()
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(new TokenBody(Max, Filters.Select(f => new[] { f.Field, f.Operator, f.Value }).ToArray(), SortField, Descending, Offset));
        return Base64Url.EncodeToString(json);
    }

    private static ListRequest? FromToken(string token)
    {
        try
        {
            var body = JsonSerializer.Deserialize<TokenBody>(Base64Url.DecodeFromChars(token));
            if (body is null || body.Max is < 1 or > MaxMax || body.Offset < 0) return null;
            return new ListRequest(body.Max, body.Filters.Select(f => new ListFilter(f[0], f[1], f[2])).ToList(), body.Sort, body.Desc, body.Offset);
        }
        catch (Exception ex) when (ex is FormatException or JsonException or IndexOutOfRangeException)
        {
            return null;
        }
    }

    private sealed record TokenBody(int Max, string[][] Filters, string? Sort, bool Desc, int Offset);
}
