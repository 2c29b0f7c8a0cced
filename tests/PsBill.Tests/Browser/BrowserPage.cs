using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PsBill.Tests.Browser;

/// <summary>One tab: navigate, run script, wait for a condition, click, type, take a screenshot.</summary>
internal sealed class BrowserPage(Chromium browser, string sessionId)
{
    public static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(60);

    public Task<JsonNode> SendAsync(string method, JsonObject? parameters = null) => browser.SendAsync(method, parameters, sessionId);

    /// <summary>Goes to <paramref name="url"/> and waits for the document to load.</summary>
    public async Task GotoAsync(Uri url)
    {
        await SendAsync("Page.navigate", new JsonObject { ["url"] = url.ToString() });
        await WaitForAsync($"document.readyState === 'complete' && location.href.startsWith({JsonSerializer.Serialize(url.GetLeftPart(UriPartial.Path))})");
    }

    /// <summary>Evaluates <paramref name="expression"/> (promises awaited) and returns its JSON value.</summary>
    /// <exception cref="InvalidOperationException">The script threw.</exception>
    public async Task<JsonNode?> EvaluateAsync(string expression)
    {
        var result = await SendAsync("Runtime.evaluate", new JsonObject { ["expression"] = expression, ["awaitPromise"] = true, ["returnByValue"] = true });
        if (result["exceptionDetails"] is { } error) throw new InvalidOperationException($"{expression}: {error["exception"]?["description"] ?? error.ToJsonString()}");
        return result["result"]?["value"];
    }

    public async Task<string> TextAsync(string selector) =>
        (string?)await EvaluateAsync($"(document.querySelector({Js(selector)})?.innerText ?? '')") ?? "";

    /// <summary>Waits until <paramref name="condition"/> is true in the page (navigation in between is fine).</summary>
    /// <exception cref="TimeoutException">Still false after the wait, with the page's text to say why.</exception>
    public async Task WaitForAsync(string condition, TimeSpan? timeout = null)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                // The condition may be a promise (e.g. a reload of part of the page, then a check): awaited either way.
                if (await EvaluateAsync($"Promise.resolve({condition}).then(v => !!v)") is JsonValue value && value.GetValue<bool>()) return;
            }
            catch (InvalidOperationException)
            {
                // The document was replaced mid-evaluation; ask again.
            }
            if (clock.Elapsed > (timeout ?? DefaultWait))
            {
                var body = await EvaluateAsync("document.body ? document.body.innerText.slice(0, 2000) : ''");
                throw new TimeoutException($"Waited {clock.Elapsed.TotalSeconds:0} s for {condition}; the page says:\n{body}");
            }
            await Task.Delay(150);
        }
    }

    public Task WaitForSelectorAsync(string selector, TimeSpan? timeout = null) =>
        WaitForAsync($"document.querySelector({Js(selector)}) !== null", timeout);

    /// <summary>Clicks the element (waiting for it to exist and be enabled).</summary>
    public async Task ClickAsync(string selector)
    {
        await WaitForAsync($"(e => e !== null && !e.disabled)(document.querySelector({Js(selector)}))");
        await EvaluateAsync($"document.querySelector({Js(selector)}).click()");
    }

    /// <summary>Types <paramref name="value"/> into an input (as a person would: the input event fires).</summary>
    public async Task FillAsync(string selector, string value)
    {
        await WaitForSelectorAsync(selector);
        await EvaluateAsync($"(e => {{ e.focus(); e.value = {Js(value)}; e.dispatchEvent(new Event('input', {{ bubbles: true }})); }})(document.querySelector({Js(selector)}))");
    }

    /// <summary>Saves a PNG of the whole page (not only the window).</summary>
    public async Task ScreenshotAsync(string path)
    {
        var metrics = await SendAsync("Page.getLayoutMetrics");
        var size = metrics["cssContentSize"] ?? metrics["contentSize"]!;
        var width = Math.Max(1280, Math.Ceiling((double)size["width"]!));
        var height = Math.Min(4000, Math.Ceiling((double)size["height"]!));
        var shot = await SendAsync("Page.captureScreenshot", new JsonObject
        {
            ["format"] = "png",
            ["captureBeyondViewport"] = true,
            ["clip"] = new JsonObject { ["x"] = 0, ["y"] = 0, ["width"] = width, ["height"] = height, ["scale"] = 1 },
        });
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        await File.WriteAllBytesAsync(path, Convert.FromBase64String((string)shot["data"]!));
    }

    public static string Js(string value) => JsonSerializer.Serialize(value);
}
