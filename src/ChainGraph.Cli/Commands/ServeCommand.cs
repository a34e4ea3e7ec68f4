using System.CommandLine;
using ChainGraph.Model.Requests;
using ChainGraph.Server;
using ChainGraph.Server.Graph;
using ChainGraph.Server.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace ChainGraph.Cli.Commands;

/// <summary><c>serve [--urls URL]</c>: the web service and client; an empty store gets the demo data first.</summary>
public static class ServeCommand
{
    public static Command Create(CliConsole console)
    {
        var urls = new Option<string>("--urls") { Description = "Where to listen; without API keys only loopback addresses are allowed.", DefaultValueFactory = _ => ServerHost.DefaultUrl };
        var rate = new Option<int>("--rate-limit") { Description = "Requests per minute per API key.", DefaultValueFactory = _ => 1200 };
        var command = new Command("serve", "Run the web service: REST API, live graph hub and the web client.") { urls, KeysCommand.File, rate };
        command.WithStore().SetAction(async (result, cancellationToken) =>
        {
            new ParameterCheck().Range("rateLimit", result.GetValue(rate), 1, 1_000_000).ThrowIfInvalid();
            var json = result.GetValue(CommonOptions.Json);
            await using var store = await CommonOptions.OpenStoreAsync(result, cancellationToken, create: true);
            WebApplication app;
            try
            {
                // Logs go to stderr, so stdout holds only the answer (JSON with --json).
                app = ServerHost.Build(store, result.GetValue(urls)!, logging => logging.SetMinimumLevel(LogLevel.Warning)
                        .Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace),
                    new SecurityOptions(result.GetValue(KeysCommand.File)!, result.GetValue(rate)));
            }
            catch (InvalidOperationException e)
            {
                throw new InvalidRequestException("urls", result.GetValue(urls), e.Message);
            }
            await using var _ = app;
            var demo = await ServerHost.LoadDemoIfEmptyAsync(app.Services.GetRequiredService<GraphService>(), cancellationToken);
            await app.StartAsync(cancellationToken);
            var mode = app.Services.GetRequiredService<AccessMode>();
            var writeToken = mode.Open ? mode.WriteToken : null;
            if (json)
            {
                console.WriteJson(new { urls = app.Urls, demoLoaded = demo, writeToken });
            }
            else
            {
                if (demo) await console.Out.WriteLineAsync("The store was empty: loaded the built-in demo data.");
                foreach (var url in app.Urls) await console.Out.WriteLineAsync($"ChainGraph is serving at {url}  (Ctrl+C to stop)");
                if (writeToken is not null)
                    await console.Out.WriteLineAsync($"Without API keys, writes from scripts on this machine need the header {AccessMode.TokenHeader}: {writeToken}");
            }
            await app.WaitForShutdownAsync(cancellationToken);
            return ExitCodes.Ok;
        });
        return command;
    }
}
