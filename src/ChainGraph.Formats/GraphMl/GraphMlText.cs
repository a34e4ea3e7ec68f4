using System.Globalization;
using System.Text;
using System.Xml;

namespace ChainGraph.Formats.GraphMl;

/// <summary>
/// The reversible escape <see cref="GraphMlWriter"/> applies to every string it writes, for the
/// characters XML 1.0 cannot carry: C0 controls other than tab, line feed and carriage return,
/// U+FFFE, U+FFFF and lone surrogates. Each becomes <c>\uXXXX</c> (its UTF-16 code unit, upper-case
/// hex) and a backslash becomes <c>\\</c>; nothing else changes.
/// </summary>
public static class GraphMlText
{
    /// <summary>The text with the escape applied; the same instance when it needs none. Escaping only ever lengthens text.</summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        StringBuilder? escaped = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c != '\\' && XmlConvert.IsXmlChar(c))
            {
                escaped?.Append(c);
                continue;
            }
            if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], c))
            {
                escaped?.Append(c).Append(text[i + 1]);
                // Not inside the ?. chain, which skips the whole chain while nothing has been escaped yet.
                i++;
                continue;
            }
            escaped ??= new StringBuilder(text.Length + 8).Append(text, 0, i);
            escaped.Append(c == '\\' ? @"\\" : $@"\u{(int)c:X4}");
        }
        return escaped?.ToString() ?? text;
    }

    /// <summary>The original text of an escaped string: <c>\\</c> → <c>\</c>, <c>\uXXXX</c> → that code unit.</summary>
    public static string Unescape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.Contains('\\', StringComparison.Ordinal)) return text;
        var original = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\' && i + 1 < text.Length && text[i + 1] == '\\')
            {
                original.Append('\\');
                i++;
            }
            else if (text[i] == '\\' && i + 5 < text.Length && text[i + 1] == 'u'
                && ushort.TryParse(text.AsSpan(i + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
            {
                original.Append((char)code);
                i += 5;
            }
            else
            {
                original.Append(text[i]);
            }
        }
        return original.ToString();
    }
}
