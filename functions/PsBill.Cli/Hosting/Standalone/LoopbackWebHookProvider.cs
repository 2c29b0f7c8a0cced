using Microsoft.Azure.WebJobs.Host.Config;

namespace PsBill.Cli.Hosting.Standalone;

/// <summary>
/// The Functions host tells the Durable extension its own base URL through <see cref="IWebHookProvider"/>; a plain WebJobs
/// host has none, and binding a Durable client then fails (NullReferenceException). PsBill uses the extension's local gRPC
/// endpoint, not these HTTP management URLs, so any loopback URL will do. (The interface is marked "not ready for public
/// consumption"; it is still the one the extension asks for, and the only public way to satisfy it.)
/// </summary>
#pragma warning disable CS0618 // IWebHookProvider is obsolete in name only: the Durable extension requires it.
internal sealed class LoopbackWebHookProvider : IWebHookProvider
#pragma warning restore CS0618
{
    public Uri GetUrl(IExtensionConfigProvider extension) => new("http://127.0.0.1/runtime/webhooks/durabletask");
}
