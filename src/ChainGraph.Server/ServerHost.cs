using System.Text.Json.Serialization;
using ChainGraph.Formats;
using ChainGraph.Model.Import;
using ChainGraph.Model.Text;
using ChainGraph.Server.Apis;
using ChainGraph.Server.Graph;
using ChainGraph.Server.Hubs;
using ChainGraph.Server.Security;
using ChainGraph.Storage;
using Microsoft.Extensions.FileProviders;
using Microsoft.OpenApi;

namespace ChainGraph.Server;

/// <summary>Builds the web service: REST under /api, the SignalR hub at /hubs/graph, the web client at /.</summary>
public static class ServerHost
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <summary>
    /// Builds the service. With no active API key it runs open, but only on loopback addresses and
    /// only for this machine's user (<see cref="OpenModeGuard"/>); otherwise every request needs a key
    /// of the right role (<see cref="Security.Role"/>).
    /// </summary>
    /// <exception cref="InvalidOperationException">Keys are missing and an address Kestrel would listen on is not loopback.</exception>
    public static WebApplication Build(IGraphStore store, string urls = DefaultUrl, Action<ILoggingBuilder>? logging = null, SecurityOptions? security = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        security ??= new SecurityOptions(Path.Combine("data", "keys.json"));
        var keys = new ApiKeyStore(security.KeysPath);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        var mode = security.Decide(SecurityOptions.ListenAddresses(urls, builder.Configuration), keys);
        builder.WebHost.UseUrls(urls);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = security.MaxBodyBytes);
        logging?.Invoke(builder.Logging);
        builder.Services.AddSingleton(keys).AddSingleton(mode).AddSingleton(security);
        builder.Services.AddAccessControl(security, mode);
        builder.Services.AddSingleton(store);
        builder.Services.AddMetrics();
        builder.Services.AddSingleton<ChainGraphMetrics>();
        builder.Services.AddSingleton<GraphService>();
        builder.Services.AddSingleton<ViewRegistry>();
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<RequestProblemHandler>();
        builder.Services.AddOpenApi(o => o.AddSchemaTransformer((schema, context, _) =>
        {
            // A reason goes out as its text in the reader's language (ReasonJsonConverter), not as its clauses.
            if (context.JsonTypeInfo.Type == typeof(Reason) || context.JsonTypeInfo.Type == typeof(Phrase))
            {
                schema.Type = JsonSchemaType.String;
                schema.Properties?.Clear();
            }
            return Task.CompletedTask;
        }));
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Encoder = Json.Encoder;
            // Numbers are numbers, also in the API's document (the web defaults would also accept "1" for 1).
            o.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            o.SerializerOptions.Converters.Add(new ReasonJsonConverter(Language.Zh));
        });
        builder.Services.AddSingleton<AnswerJson>();
        builder.Services.AddSignalR().AddJsonProtocol(o =>
        {
            o.PayloadSerializerOptions.Encoder = Json.Encoder;
            o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter());
            o.PayloadSerializerOptions.Converters.Add(new ReasonJsonConverter(Language.Zh));
        });

        var app = builder.Build();
        Uploads.RemoveAbandoned(app.Logger);
        app.UseExceptionHandler(errors => errors.Run(WriteProblemAsync));
        app.UseStatusCodePages();
        app.UseSecurityHeaders();
        app.UseOpenModeGuard();
        var webRoot = Path.Combine(AppContext.BaseDirectory, "wwwroot");
        if (Directory.Exists(webRoot))
        {
            var files = new PhysicalFileProvider(webRoot);
            app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
            app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
        }
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.MapOpenApi().AllowAnonymous();
        // Any endpoint may answer a problem: parameters (400), the store down or its disk full (503).
        var api = app.MapGroup("").ProducesValidationProblem().ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        api.MapGraphApi().MapChainsApi().MapAnalysesApi().MapSupplyApi().MapReportsApi().MapExplorationApi().MapEnterprisesApi().MapExportApi().MapWritesApi().MapKeysApi();
        app.MapHub<GraphHub>("/hubs/graph").RequireAuthorization(Policies.Reader);
        if (mode.Open)
            app.Logger.LogWarning("No API keys in {Keys}: serving open to this machine only. Add keys with `chaingraph keys add` before exposing it.", keys.Path);
        // The registry listens for writes from the first request on; the snapshot loads at start, not on the first analysis.
        app.Services.GetRequiredService<ViewRegistry>();
        var graph = app.Services.GetRequiredService<GraphService>();
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            graph.StartLoading();
            graph.StartWatching(app.Lifetime.ApplicationStopping);
        });
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

    /// <summary>Anything <see cref="RequestProblemHandler"/> did not explain: a 500 without details (the error is logged).</summary>
    static Task WriteProblemAsync(HttpContext http) =>
        Results.Problem(statusCode: StatusCodes.Status500InternalServerError, title: "Unexpected error").ExecuteAsync(http);
}
