using PsBill.Cli.Cli;

return await PsBillCommandLine.InvokeAsync(args);
