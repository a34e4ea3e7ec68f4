using System.Text.Json;
using ChainGraph.Formats;
using ChainGraph.Model.Requests;
using ChainGraph.Storage;
using ChainGraph.Storage.Sqlite;

namespace ChainGraph.Server.Views;

/// <summary>
/// Saved views (a name, a view request and the page's pickers) in a JSON file beside the database, so they survive a
/// restart: read once at start, replaced atomically on each save (written beside it, then renamed over it), at most
/// <see cref="MaxViews"/> of them (or the capacity given).
/// </summary>
public sealed class SavedViewStore
{
    public const int MaxViews = 1000;
    public const int MaxName = 100;
    readonly SemaphoreSlim writeGate = new(1, 1);
    readonly Lock gate = new();
    readonly List<SavedView> saved;
    readonly int capacity;

    /// <exception cref="InvalidDataException">The file is there but is not a list of saved views.</exception>
    public SavedViewStore(string path, int capacity = MaxViews)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        Path = path;
        this.capacity = capacity;
        saved = Read(path);
    }

    public string Path { get; }

    /// <summary>Beside the embedded store's file (chaingraph.db → chaingraph.views.json); beside the key file for a store with no file.</summary>
    public static string PathFor(IGraphStore store, string keysPath) => store is SqliteGraphStore sqlite
        ? System.IO.Path.ChangeExtension(sqlite.Path, ".views.json")
        : System.IO.Path.Combine(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(keysPath))!, "views.json");

    /// <summary>Every saved view, newest first.</summary>
    public IReadOnlyList<SavedView> List()
    {
        lock (gate) return [.. Enumerable.Reverse(saved)];
    }

    public SavedView? Get(string id)
    {
        lock (gate) return saved.Find(v => v.Id == id);
    }

    /// <summary>Validates and saves a view; null when the store is full.</summary>
    /// <exception cref="InvalidRequestException">A field is missing, too long or out of range (each error names it).</exception>
    public async Task<SavedView?> AddAsync(SaveViewRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        Validate(request);
        await writeGate.WaitAsync(cancellationToken);
        try
        {
            List<SavedView> next;
            lock (gate)
            {
                if (saved.Count >= capacity) return null;
                next = [.. saved];
            }
            var view = new SavedView(Guid.NewGuid().ToString("N")[..12], request.Name!.Trim(), request.Request!,
                new Dictionary<string, string>(request.Pickers ?? new Dictionary<string, string>(), StringComparer.Ordinal), DateTimeOffset.UtcNow);
            next.Add(view);
            // On disk before anyone is told of it: a view listed is a view that survives a restart.
            await AtomicOutput.WriteFileAsync(Path, stream => JsonSerializer.SerializeAsync(stream, next, Json.Indented(), cancellationToken), cancellationToken);
            lock (gate) saved.Add(view);
            return view;
        }
        finally
        {
            writeGate.Release();
        }
    }

    static void Validate(SaveViewRequest request)
    {
        var check = new ParameterCheck()
            .Required("name", request.Name)
            .Bounded("name", request.Name?.Trim(), MaxName)
            .That(request.Request is not null, "request", null, "is required (the view request: kind, chain, region, ...).")
            .Pickers("pickers", request.Pickers);
        try
        {
            request.Request?.Validate();
        }
        catch (InvalidRequestException e)
        {
            foreach (var error in e.Errors) check.That(false, "request." + error.Field, error.Value, error.Why);
        }
        check.ThrowIfInvalid();
    }

    static List<SavedView> Read(string path)
    {
        if (!File.Exists(path)) return [];
        try
        {
            return JsonSerializer.Deserialize<List<SavedView>>(File.ReadAllText(path), Json.Options) is { } views && views.TrueForAll(v => v is { Id: not null, Name: not null, Request: not null })
                ? views
                : throw new InvalidDataException($"{path}: the saved views file must be a list of views, each with an id, name and request.");
        }
        catch (JsonException e)
        {
            var line = e.LineNumber is { } number ? $" line {number + 1}" : "";
            throw new InvalidDataException($"{path}{line}: the saved views file is not valid JSON ({e.Message}). Restore it from a backup, or remove it.", e);
        }
    }
}
