using System.Reflection;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;

namespace PsBill.Workflows.Http.Ops.Page;

/// <summary>
/// The operator's page: <c>ops.html</c>, <c>ops.css</c> and <c>ops.js</c> beside this class, embedded in the assembly and
/// served as one document, so the page needs no second request (under the Functions host every request needs the key, and
/// a script tag cannot send it) and no build step. The page never carries a key.
/// </summary>
public static class OpsPageAssets
{
    private static readonly Lazy<(string Html, string Css, string Js)> Assets = new(() => (Read("ops.html"), Read("ops.css"), Read("ops.js")));

    /// <summary>The page with a fresh nonce, and the headers that keep it to itself: only its own script and style run, it
    /// cannot be framed, it is not cached and it sends no referrer.</summary>
    public static IResult Page() => new PageResult(Compose(Convert.ToBase64String(RandomNumberGenerator.GetBytes(16))));

    /// <summary>The page's HTML with <paramref name="nonce"/> in its script and style tags.</summary>
    internal static (string Html, string Nonce) Compose(string nonce)
    {
        var (html, css, js) = Assets.Value;
        // Placeholders of the template first, then the style and script bodies, so nothing inside them is ever replaced.
        var page = html.Replace("{{nonce}}", nonce, StringComparison.Ordinal).Replace("{{base}}", OpsEndpoint.Prefix, StringComparison.Ordinal);
        var cssAt = page.IndexOf("{{css}}", StringComparison.Ordinal);
        page = page[..cssAt] + css + page[(cssAt + "{{css}}".Length)..];
        var jsAt = page.IndexOf("{{js}}", StringComparison.Ordinal);
        page = page[..jsAt] + js + page[(jsAt + "{{js}}".Length)..];
        return (page, nonce);
    }

    private static string Read(string name)
    {
        using var stream = typeof(OpsPageAssets).Assembly.GetManifestResourceStream("PsBill.Ops." + name)
                           ?? throw new InvalidOperationException($"The ops page asset {name} is not embedded in {typeof(OpsPageAssets).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private sealed class PageResult((string Html, string Nonce) page) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            ArgumentNullException.ThrowIfNull(httpContext);
            var headers = httpContext.Response.Headers;
            headers.ContentSecurityPolicy = $"default-src 'none'; script-src 'nonce-{page.Nonce}'; style-src 'nonce-{page.Nonce}'; connect-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers.CacheControl = "no-store";
            headers["Referrer-Policy"] = "no-referrer";
            httpContext.Response.ContentType = "text/html; charset=utf-8";
            return httpContext.Response.WriteAsync(page.Html, httpContext.RequestAborted);
        }
    }
}
