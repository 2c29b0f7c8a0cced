using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using PsBill.Workflows;
using static PsBill.Cli.Cli.Ops.OpsTable;

namespace PsBill.Cli.Cli.Ops;

/// <summary>
/// <c>psbill ops overview|attention|find|record|runs|timeline|retry|start|restart|terminate|purge</c>: the console page's
/// views and actions for scripts, against the running host's ops API (<see cref="OpsApiClient"/>); <c>--output json</c> prints
/// the API's own JSON, <c>table</c> (the default) a terminal table with times in the local time zone. What the page confirms
/// in a dialog, the CLI takes with <c>--yes</c>.
/// </summary>
internal static class OpsConsoleCommands
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>Adds the commands to <paramref name="ops"/>.</summary>
    public static void AddTo(Command ops)
    {
        ops.Subcommands.Add(Overview());
        ops.Subcommands.Add(Attention());
        ops.Subcommands.Add(Find());
        ops.Subcommands.Add(Record());
        ops.Subcommands.Add(Runs());
        ops.Subcommands.Add(Timeline());
        ops.Subcommands.Add(Retry());
        ops.Subcommands.Add(Start());
        foreach (var action in new[] { "restart", "terminate", "purge" }) ops.Subcommands.Add(InstanceAction(action));
    }

    private static Command Overview()
    {
        var command = Api(new Command("overview", "What needs you, each flow's last success and lag, today's counts"));
        command.SetAction((parse, token) => RunAsync(parse, token, async (api, output, json) =>
        {
            var now = TimeProvider.System.GetLocalNow();
            var since = new DateTimeOffset(now.Date, now.Offset);
            var o = await api.GetAsync("overview?since=" + Uri.EscapeDataString(since.ToString("O", CultureInfo.InvariantCulture)), token).ConfigureAwait(false);
            if (json) return Json(output, o);
            var attention = o["attention"]!.AsArray();
            output.WriteLine(attention.Count == 0 ? "Nothing needs you." : $"{(int)o["needsAttention"]!} records need you:");
            if (attention.Count > 0) Write(output, attention, new("cause", g => Text(g["cause"])), new("count", g => Text(g["count"])), new("what to do", g => Text(g["whatToDo"])));
            output.WriteLine();
            Write(output, o["flows"]!.AsArray(),
                new("flow", f => Text(f["flow"])), new("status", f => (bool)f["running"]! ? "running" : Text(f["status"])),
                new("last success", f => When(f["lastSuccessAt"])), new("lag", f => Span(f["lagSeconds"])), new("last run", f => Text(f["lastRunStatus"])),
                new("error", f => Text(f["lastRunError"])));
            output.WriteLine();
            var today = o["today"]!;
            Fields(output, ("today since", When(today["since"])), ("bills created", Text(today["billsCreated"])), ("payments posted", Text(today["paymentsPosted"])),
                ("parked", Text(today["parked"])), ("failed", Text(today["failed"])));
            return 0;
        }));
        return command;
    }

    private static Command Attention()
    {
        var cause = new Argument<string?>("cause") { Description = "mapping, data, rejected, waiting or failed: list its records (all of them)", Arity = ArgumentArity.ZeroOrOne };
        var command = Api(new Command("attention", "Records that need you, grouped by cause with what to do") { cause });
        command.SetAction((parse, token) => RunAsync(parse, token, async (api, output, json) =>
        {
            if (parse.GetValue(cause) is not { Length: > 0 } group)
            {
                var groups = await api.GetAsync("attention", token).ConfigureAwait(false);
                if (json) return Json(output, groups);
                Write(output, groups.AsArray(), new("cause", g => Text(g["cause"])), new("count", g => Text(g["count"])), new("what to do", g => Text(g["whatToDo"])));
                return 0;
            }
            var items = await api.AllPagesAsync("attention/" + Uri.EscapeDataString(group), token).ConfigureAwait(false);
            if (json) return Json(output, items);
            Write(output, items, new("record", i => Text(i["key"])), new("why", i => Text(i["reason"])), new("tries", i => Text(i["attempts"])), new("since", i => When(i["at"])));
            return 0;
        }));
        return command;
    }

    private static Command Find()
    {
        var query = new Argument<string>("query") { Description = "A voucher id, invoice number, supplier id or name, BILL bill, vendor or payment id, or a key" };
        var command = Api(new Command("find", "Find records by whatever you have in hand") { query });
        command.SetAction((parse, token) => RunAsync(parse, token, async (api, output, json) =>
        {
            var found = await api.GetAsync("find?q=" + Uri.EscapeDataString(parse.GetRequiredValue(query)), token).ConfigureAwait(false);
            if (json) return Json(output, found);
            Write(output, found["matches"]!.AsArray(), new("record", m => Text(m["key"])), new("matched on", m => Text(m["matchedOn"])),
                new("state", m => Text(m["state"])), new("far-side id", m => Text(m["remoteId"])));
            return found["matches"]!.AsArray().Count == 0 ? 1 : 0;
        }));
        return command;
    }

    private static Command Record()
    {
        var key = new Argument<string>("key") { Description = "The record's key, e.g. voucher:US001:00012345" };
        var command = Api(new Command("record", "A record whole: where it stands, its bill in BILL, payments posted back, what happened") { key });
        command.SetAction((parse, token) => RunAsync(parse, token, async (api, output, json) =>
        {
            var r = await api.GetAsync("records/" + Uri.EscapeDataString(parse.GetRequiredValue(key)), token).ConfigureAwait(false);
            if (json) return Json(output, r);
            var l = r["ledger"];
            Fields(output, ("record", Text(r["key"])), ("state", Text(l?["state"])), ("why parked", Text(l?["parkedReason"])), ("far-side id", Text(l?["remoteId"])),
                ("tries", Text(l?["attempts"])), ("last change", When(l?["updatedAt"])));
            if (r["bill"] is { } b)
            {
                output.WriteLine();
                Fields(output, ("bill", Text(b["id"])), ("invoice number", Text(b["invoiceNumber"])), ("amount", Text(b["amount"])), ("paid", Text(b["paidAmount"])),
                    ("payment status", Text(b["paymentStatus"])), ("vendor", Text(b["vendorName"])));
                Write(output, b["lines"]!.AsArray(), new("amount", x => Text(x["amount"])), new("description", x => Text(x["description"])),
                    new("account", x => Text(x["account"])), new("department", x => Text(x["department"])));
            }
            else if (Text(r["billProblem"]) is { } problem) output.WriteLine("bill: " + problem);
            if (r["payments"]!.AsArray().Count > 0)
            {
                output.WriteLine();
                Write(output, r["payments"]!.AsArray(), new("payment", p => Text(p["paymentId"])), new("amount", p => Text(p["amount"])), new("paid on", p => Text(p["paymentDate"])),
                    new("reference", p => Text(p["reference"])), new("mode", p => Text(p["mode"])), new("state", p => Text(p["state"])));
            }
            output.WriteLine();
            Write(output, r["trail"]!.AsArray(), new("when", t => When(t["at"])), new("record", t => Text(t["key"])), new("step", t => Text(t["step"])),
                new("outcome", t => Text(t["outcome"])), new("detail", t => Text(t["detail"])));
            return 0;
        }));
        return command;
    }

    private static Command Runs()
    {
        var name = new Option<string?>("--name") { Description = "A flow (PollVouchers) or an orchestrator (BillLane, SettlePayment, Replay)" };
        var status = new Option<string?>("--status") { Description = "Running, Completed, Failed, Terminated, Pending (comma-separated)" };
        var from = new Option<DateTimeOffset?>("--from") { Description = "Started at or after" };
        var to = new Option<DateTimeOffset?>("--to") { Description = "Started before" };
        var max = new Option<int>("--max") { Description = "How many at most (0 = all)", DefaultValueFactory = _ => 50 };
        var command = Api(new Command("runs", "Runs: orchestration instances (what Durable Functions Monitor shows)") { name, status, from, to, max });
        command.SetAction((parse, token) => RunAsync(parse, token, async (api, output, json) =>
        {
            var query = new List<string>();
            if (parse.GetValue(name) is { Length: > 0 } n) query.Add("name=" + Uri.EscapeDataString(n));
            if (parse.GetValue(status) is { Length: > 0 } s) query.Add("status=" + Uri.EscapeDataString(s));
            if (parse.GetValue(from) is { } f) query.Add("from=" + Uri.EscapeDataString(f.ToString("O", CultureInfo.InvariantCulture)));
            if (parse.GetValue(to) is { } t) query.Add("to=" + Uri.EscapeDataString(t.ToString("O", CultureInfo.InvariantCulture)));
            var all = await api.AllPagesAsync("orchestrations?" + string.Join("&", query), token).ConfigureAwait(false);
            var rows = all.OrderByDescending(i => (string?)i!["createdAt"], StringComparer.Ordinal).Take(parse.GetValue(max) is > 0 and var m ? m : int.MaxValue).Select(i => i!.DeepClone()).ToArray();
            if (json) return Json(output, new JsonArray(rows));
            Write(output, rows, new("instance", i => Text(i["instanceId"])), new("kind", i => Text(i["name"])), new("status", i => Text(i["status"])),
                new("started", i => When(i["createdAt"])), new("last change", i => When(i["lastUpdatedAt"])), new("failure", i => Text(i["failure"])));
            return 0;
        }));
        return command;
    }

    private static Command Timeline()
    {
        var id = new Argument<string>("instance") { Description = "The instance id (a flow's is its name, e.g. PollVouchers)" };
        var command = Api(new Command("timeline", "An instance's steps from its history: activities, durations, retries") { id });
        command.SetAction((parse, token) => RunAsync(parse, token, async (api, output, json) =>
        {
            var t = await api.GetAsync($"orchestrations/{Uri.EscapeDataString(parse.GetRequiredValue(id))}/timeline", token).ConfigureAwait(false);
            if (json) return Json(output, t);
            Fields(output, ("instance", Text(t["instance"]!["instanceId"])), ("status", Text(t["instance"]!["status"])), ("says", Text(t["instance"]!["customStatus"])));
            Write(output, t["timeline"]!.AsArray(), new("when", r => When(r["startedAt"])), new("kind", r => Text(r["kind"])), new("name", r => Text(r["name"])),
                new("ms", r => Text(r["durationMs"])), new("outcome", r => Text(r["outcome"])), new("try", r => Text(r["attempt"])), new("detail", r => Text(r["detail"])));
            return 0;
        }));
        return command;
    }

    private static Command Retry()
    {
        var keys = new Argument<string[]>("keys") { Description = "Record keys to retry", Arity = ArgumentArity.ZeroOrMore };
        var cause = new Option<string?>("--cause") { Description = "Retry every record of this attention group (mapping, data, rejected, waiting, failed)" };
        var yes = Yes();
        var command = Api(new Command("retry", "Retry records (a Replay orchestration; nothing is created or posted twice)") { keys, cause, yes });
        command.SetAction((parse, token) => RunAsync(parse, token, async (api, output, json) =>
        {
            var list = parse.GetValue(keys) ?? [];
            var group = parse.GetValue(cause);
            if ((list.Length > 0) == (group is not null)) return await ErrorAsync(parse, "Give record keys or --cause, not both.").ConfigureAwait(false);
            if (group is not null && !parse.GetValue(yes)) return await ErrorAsync(parse, $"Retrying every record of '{group}': add --yes to confirm.").ConfigureAwait(false);
            var started = group is null
                ? await api.PostAsync("replay", new { keys = list }, token).ConfigureAwait(false)
                : await api.PostAsync($"attention/{Uri.EscapeDataString(group)}/retry", null, token).ConfigureAwait(false);
            if (json) return Json(output, started);
            Fields(output, ("instance", Text(started["instanceId"]) ?? "(nothing to retry)"), ("retried", Text(started["replayed"]!.AsArray().Count.ToString(CultureInfo.InvariantCulture))),
                ("unknown", string.Join(", ", started["unknown"]!.AsArray().Select(Text))));
            return started["unknown"]!.AsArray().Count == 0 ? 0 : 1;
        }));
        return command;
    }

    private static Command Start()
    {
        var flow = new Argument<string>("flow") { Description = string.Join(", ", FunctionNames.Flows) };
        var command = Api(new Command("start", "Run a flow now (SyncReferenceData, a poll): starts its orchestration unless it runs") { flow });
        command.SetAction((parse, token) => RunAsync(parse, token, async (api, output, json) =>
        {
            var started = await api.PostAsync($"flows/{Uri.EscapeDataString(parse.GetRequiredValue(flow))}/start", null, token).ConfigureAwait(false);
            if (json) return Json(output, started);
            output.WriteLine((bool)started["started"]! ? $"{Text(started["flow"])} started (instance {Text(started["instanceId"])})." : $"{Text(started["flow"])} is running already.");
            return 0;
        }));
        return command;
    }

    private static Command InstanceAction(string action)
    {
        var id = new Argument<string>("instance") { Description = "The instance id" };
        var yes = Yes();
        var what = action switch { "restart" => "Restart an ended instance under its own id", "terminate" => "Terminate a running instance", _ => "Delete an ended instance's history" };
        var command = Api(new Command(action, what) { id, yes });
        command.SetAction((parse, token) => RunAsync(parse, token, async (api, output, json) =>
        {
            var instance = parse.GetRequiredValue(id);
            if (!parse.GetValue(yes)) return await ErrorAsync(parse, $"{action} {instance}: add --yes to confirm.").ConfigureAwait(false);
            var done = await api.PostAsync($"orchestrations/{Uri.EscapeDataString(instance)}/{action}", null, token).ConfigureAwait(false);
            if (json) return Json(output, done);
            output.WriteLine($"{Text(done["instanceId"])}: {Text(done["outcome"])}");
            return 0;
        }));
        return command;
    }

    private static Command Api(Command command)
    {
        command.Options.Add(new Option<string?>("--url") { Description = "The host's base URL (default PsBill:Standalone:Url, http://127.0.0.1:7071)" });
        command.Options.Add(new Option<string?>("--key-file") { Description = "A file holding the admin key (default: PSBILL_OPS_KEY, else the secret store)" });
        command.Options.Add(new Option<string>("--output") { Description = "table or json", DefaultValueFactory = _ => "table" }.AcceptOnlyFromAmong("table", "json"));
        return command;
    }

    private static Option<bool> Yes() => new("--yes") { Description = "Confirm (the page asks in a dialog)" };

    private static Task<int> RunAsync(ParseResult parse, CancellationToken token, Func<OpsApiClient, TextWriter, bool, Task<int>> body) => CommandFailures.RunAsync(async () =>
    {
        try
        {
            using var api = await OpsApiClient.CreateAsync(parse.GetValue<string?>("--url"), parse.GetValue<string?>("--key-file"), token).ConfigureAwait(false);
            return await body(api, parse.InvocationConfiguration.Output, parse.GetValue<string>("--output") == "json").ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OpsApiException or HttpRequestException or IOException)
        {
            return await ErrorAsync(parse, ex.Message).ConfigureAwait(false);
        }
    });

    private static async Task<int> ErrorAsync(ParseResult parse, string message)
    {
        await parse.InvocationConfiguration.Error.WriteLineAsync(message).ConfigureAwait(false);
        return 1;
    }

    private static int Json(TextWriter output, JsonNode node)
    {
        output.WriteLine(node.ToJsonString(Indented));
        return 0;
    }

    private static string? When(JsonNode? node) =>
        Text(node) is { Length: > 0 } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at)
            ? at.ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)
            : null;

    private static string? Span(JsonNode? seconds) =>
        seconds is null ? null : TimeSpan.FromSeconds((double)seconds) is var s && s.TotalMinutes < 2 ? $"{s.TotalSeconds:0} s" : s.TotalHours < 2 ? $"{s.TotalMinutes:0} min" : $"{s.TotalHours:0.#} h";
}
