using ChainGraph.Cli;

return await CliApp.RunAsync(args);
