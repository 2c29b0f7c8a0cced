using Microsoft.AspNetCore.Http;

namespace PsBill.Functions.Functions;

/// <summary>An HTTP function; both hosts hand it the request as it arrived (raw body intact).</summary>
public interface IHttpFunction
{
    /// <summary>Answers one request.</summary>
    Task<IResult> HandleAsync(HttpRequest request, FunctionContext context, CancellationToken cancellationToken);
}
