using PsBill.Sandbox;

// ./sandbox.sh: one full cycle of PsBill on simulated PeopleSoft and BILL. See SandboxRunner.
SandboxArguments arguments;
try
{
    arguments = SandboxArguments.Parse(args);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    Console.Error.WriteLine(SandboxArguments.Usage);
    return 2;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};
// A kill (SIGTERM) stops the world as Ctrl+C does, so a kept world (--keep) takes its Azurite and simulators with it.
using var terminate = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    cancel.Cancel();
});
return arguments.ConnectorProcess
    ? await PsBill.Sandbox.Memory.ConnectorProcessBench.RunAsync(arguments, Console.Out, cancel.Token)
    : await SandboxRunner.RunAsync(arguments, Console.Out, cancel.Token);
