namespace ChainGraph.Server.Views;

/// <summary>A saved view: its id, name, the view request it opens, the page's pickers and when it was saved.</summary>
public sealed record SavedView(string Id, string Name, ViewRequest Request, IReadOnlyDictionary<string, string> Pickers, DateTimeOffset Created);

/// <summary>What <c>POST /api/views</c> takes: a name (1–100 characters), the view request and, optionally, the page's pickers.</summary>
public sealed record SaveViewRequest(string? Name, ViewRequest? Request, Dictionary<string, string>? Pickers = null);
