using PsBill.Connector.PeopleSoft;

namespace PsBill.Tests.PeopleSoft;

internal static class PeopleSoftReadExtensions
{
    public static async Task<List<PeopleSoftReadResult<T>>> ToListAsync<T>(this IAsyncEnumerable<PeopleSoftReadResult<T>> results)
        where T : class
    {
        var list = new List<PeopleSoftReadResult<T>>();
        await foreach (var result in results) list.Add(result);
        return list;
    }
}
