using System.Text.Json.Serialization;
using ChainGraph.Formats;
using ChainGraph.Model.Import;
using ChainGraph.Server.Apis;
using ChainGraph.Server.Graph;
using ChainGraph.Server.Hubs;
using ChainGraph.Storage;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.FileProviders;

namespace ChainGraph.Server;

/// <summary>Builds the web service: REST under /api, the SignalR hub at /hubs/graph, the web client at /.</summary>
public static class ServerHost
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    public static WebApplication Build(IGraphStore store, string urls = DefaultUrl, Action<ILoggingBuilder>? logging = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseUrls(urls);
        logging?.Invoke(builder.Logging);
        builder.Services.AddSingleton(store);
        builder.Services.AddSingleton<GraphService>();
        builder.Services.AddSingleton<ViewRegistry>();
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi();
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Encoder = Json.Encoder;
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
        });
        builder.Services.AddSignalR().AddJsonProtocol(o =>
        {
            o.PayloadSerializerOptions.Encoder = Json.Encoder;
            o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter());
        });

        var app = builder.Build();
        app.UseExceptionHandler(errors => errors.Run(WriteProblemAsync));
        app.UseStatusCodePages();
        var webRoot = Path.Combine(AppContext.BaseDirectory, "wwwroot");
        if (Directory.Exists(webRoot))
        {
            var files = new PhysicalFileProvider(webRoot);
            app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
            app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
        }
        app.MapOpenApi();
        app.MapGraphApi().MapChainsApi().MapAnalysesApi().MapExplorationApi().MapExportApi().MapWritesApi();
        app.MapHub<GraphHub>("/hubs/graph");
        // The registry listens for writes from the first request on.
        app.Services.GetRequiredService<ViewRegistry>();
        return app;
    }

    /// <summary>Loads the built-in demo into an empty store, so the first start shows something.</summary>
    public static async Task<bool> LoadDemoIfEmptyAsync(GraphService graph, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(graph);
        if ((await graph.Store.GetStatsAsync(cancellationToken)).NodeTotal > 0) return false;
        var batch = new GraphBatch();
        DemoData.Read(batch, cancellationToken: cancellationToken);
        await graph.WriteAsync(batch, cancellationToken: cancellationToken);
        return true;
    }

    /// <summary>Bad input is a 400 naming the problem; a store that is down is a 503 with Retry-After; anything else a 500.</summary>
    static async Task WriteProblemAsync(HttpContext http)
    {
        var error = http.Features.Get<IExceptionHandlerFeature>()?.Error;
        var (status, title) = error switch
        {
            ArgumentException or FormatException or KeyNotFoundException => (StatusCodes.Status400BadRequest, "Bad request"),
            GraphStoreException { IsTransient: true } => (StatusCodes.Status503ServiceUnavailable, "The graph store is unavailable"),
            _ => (StatusCodes.Status500InternalServerError, "Unexpected error"),
        };
        if (status == StatusCodes.Status503ServiceUnavailable) http.Response.Headers.RetryAfter = "5";
        http.Response.StatusCode = status;
        var detail = status == StatusCodes.Status500InternalServerError ? null : error?.Message;
        await Results.Problem(detail, statusCode: status, title: title).ExecuteAsync(http);
    }
}
