using PsBill.Functions.Cli;

return await PsBillCommandLine.InvokeAsync(args);
