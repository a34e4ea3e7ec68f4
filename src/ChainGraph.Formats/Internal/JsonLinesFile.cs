using System.Text;
using System.Text.Json;
using ChainGraph.Model.Import;

namespace ChainGraph.Formats.Internal;

/// <summary>Reads a JSON Lines file row by row; a line that is not one JSON object is rejected into the batch.</summary>
internal static class JsonLinesFile
{
    public static IEnumerable<JsonRow> Read(string path, GraphBatch batch, string displayName)
    {
        // Parsing UTF-8 bytes directly skips decoding each line to a string and back.
        ReadOnlyMemory<byte> rest = File.ReadAllBytes(path);
        if (rest.Span.StartsWith(Encoding.UTF8.Preamble)) rest = rest[3..];
        long lineNumber = 0;
        while (!rest.IsEmpty)
        {
            lineNumber++;
            var end = rest.Span.IndexOf((byte)'\n');
            var line = end < 0 ? rest : rest[..end];
            rest = end < 0 ? ReadOnlyMemory<byte>.Empty : rest[(end + 1)..];
            if (line.Span.Trim(" \t\r"u8).IsEmpty) continue;
            var at = new SourceLocation(displayName, lineNumber);
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(line);
            }
            catch (JsonException e)
            {
                batch.Reject(at, $"malformed JSON: {e.Message}");
                continue;
            }
            using (document)
            {
                if (document.RootElement.ValueKind != JsonValueKind.Object)
                {
                    batch.Reject(at, $"expected a JSON object. Got: {document.RootElement.ValueKind}");
                    continue;
                }
                yield return new JsonRow(document.RootElement, at);
            }
        }
    }
}
