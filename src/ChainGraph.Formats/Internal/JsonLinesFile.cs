using System.Text;
using System.Text.Json;
using System.Text.Unicode;
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
            if (!Utf8.IsValid(line.Span))
            {
                // The parser does not check the bytes inside strings; reading them would throw.
                batch.Reject(at, "malformed JSON: the line is not valid UTF-8");
                continue;
            }
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
                if (line.Span.IndexOf("\\u"u8) >= 0 && !Readable(document.RootElement))
                {
                    batch.Reject(at, "malformed JSON: a \\u escape gives half of a UTF-16 surrogate pair");
                    continue;
                }
                yield return new JsonRow(document.RootElement, at);
            }
        }
    }

    /// <summary>
    /// False when a string or name escapes half of a surrogate pair ("\ud800"): System.Text.Json
    /// parses such a line but throws when the text is read.
    /// </summary>
    static bool Readable(JsonElement element)
    {
        try
        {
            Walk(element);
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }

        static void Walk(JsonElement element)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.String:
                    _ = element.GetString();
                    break;
                case JsonValueKind.Array:
                    foreach (var item in element.EnumerateArray()) Walk(item);
                    break;
                case JsonValueKind.Object:
                    foreach (var property in element.EnumerateObject())
                    {
                        _ = property.Name;
                        Walk(property.Value);
                    }
                    break;
            }
        }
    }
}
