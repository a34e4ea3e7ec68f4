using System.Runtime.InteropServices;
using System.Text;

namespace ChainGraph.Model.Snapshot;

/// <summary>
/// A snapshot as a binary file, tagged with the store's change stamp: a restart whose store has not
/// changed reads it instead of rebuilding the snapshot from the store. Arrays go as raw bytes, and
/// the strings nodes share (places, tags, stages) once each, so reading it is one sequential pass.
/// </summary>
public static class SnapshotImage
{
    static readonly byte[] Magic = "CGSNAP"u8.ToArray();

    /// <summary>Raised when the layout below changes; an image of another version is not read.</summary>
    const int FormatVersion = 1;

    /// <summary>What the image holds, beyond its format: an image of other columns or relationship types is not read.</summary>
    static readonly string Layout = string.Join(',', SnapshotColumns.Node.Select(c => c.Name)) + ";" +
        string.Join(',', GraphSchema.RelTypes.Select(GraphSchema.Name)) + ";" + (BitConverter.IsLittleEndian ? "le" : "be") + $";{Chunks.Bits}";

    public static void Write(GraphSnapshot snapshot, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(stream);
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(FormatVersion);
        writer.Write(Layout);
        writer.Write(snapshot.ChangeStamp.HasValue);
        writer.Write(snapshot.ChangeStamp ?? 0);
        var n = snapshot.NodeCount;
        writer.Write(n);
        for (var v = 0; v < n; v++) writer.Write(snapshot.Ids[v]);
        for (var v = 0; v < n; v++) writer.Write(snapshot.Names[v]);
        for (var v = 0; v < n; v++) writer.Write((byte)snapshot.Labels[v]);
        foreach (var column in new[] { snapshot.Provinces, snapshot.Cities, snapshot.Countries, snapshot.Stages, snapshot.Sectors, snapshot.Matches })
            WriteShared(writer, n, v => column[v] is { } value ? [value] : null);
        WriteShared(writer, n, v => snapshot.Tags[v]);
        for (var v = 0; v < n; v++) writer.Write(snapshot.Orders[v]);
        for (var v = 0; v < n; v++) writer.Write(snapshot.Capacities[v]);
        foreach (var adjacency in snapshot.Outgoing.Concat(snapshot.Incoming))
        {
            writer.Write(adjacency.BlockCount);
            for (var b = 0; b < adjacency.BlockCount; b++)
            {
                var block = adjacency.BlockAt(b);
                writer.Write(block.Targets.Length);
                writer.Write(MemoryMarshal.AsBytes(block.Offsets.AsSpan()));
                writer.Write(MemoryMarshal.AsBytes(block.Targets.AsSpan()));
                writer.Write(MemoryMarshal.AsBytes(block.Weights.AsSpan()));
            }
        }
        writer.Write(Magic);
        writer.Write(n);
    }

    /// <summary>The snapshot the image holds, or null when it holds another stamp, format or layout.</summary>
    /// <exception cref="InvalidDataException">The image is damaged or cut short.</exception>
    public static GraphSnapshot? Read(Stream stream, long? changeStamp)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        try
        {
            if (!reader.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic) || reader.ReadInt32() != FormatVersion || reader.ReadString() != Layout)
                return null;
            var stamped = reader.ReadBoolean();
            var stamp = reader.ReadInt64();
            if ((stamped ? stamp : (long?)null) != changeStamp) return null;
            var n = reader.ReadInt32();
            var ids = ReadStrings(reader, n);
            var names = ReadStrings(reader, n);
            var labels = Array.ConvertAll(reader.ReadBytes(n), b => (NodeLabel)b);
            var (provinces, cities, countries, stages, sectors, matches) =
                (ReadOne(reader, n), ReadOne(reader, n), ReadOne(reader, n), ReadOne(reader, n), ReadOne(reader, n), ReadOne(reader, n));
            var tags = Array.ConvertAll(ReadShared(reader, n), t => t ?? []);
            var columns = new NodeColumns(NodeColumn<string>.From(ids), NodeColumn<NodeLabel>.From(labels), NodeColumn<string>.From(names),
                NodeColumn<string?>.From(provinces), NodeColumn<string?>.From(cities), NodeColumn<string?>.From(countries), NodeColumn<string[]>.From(tags),
                NodeColumn<string?>.From(stages), NodeColumn<int>.From(ReadArray<int>(reader, n)), NodeColumn<string?>.From(matches),
                NodeColumn<string?>.From(sectors), NodeColumn<double>.From(ReadArray<double>(reader, n)));
            var adjacency = new CsrAdjacency[2 * GraphSchema.RelTypes.Count];
            for (var a = 0; a < adjacency.Length; a++)
            {
                var blocks = new CsrAdjacency.Block[reader.ReadInt32()];
                if (blocks.Length != Chunks.For(n)) throw new InvalidDataException("The image's adjacency does not fit its nodes.");
                for (var b = 0; b < blocks.Length; b++)
                {
                    var edges = reader.ReadInt32();
                    blocks[b] = new CsrAdjacency.Block(ReadArray<int>(reader, Chunks.Size + 1), ReadArray<int>(reader, edges), ReadArray<float>(reader, edges));
                }
                adjacency[a] = CsrAdjacency.FromBlocks(blocks);
            }
            if (!reader.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic) || reader.ReadInt32() != n)
                throw new InvalidDataException("The image does not end where it should.");
            var types = GraphSchema.RelTypes.Count;
            return new GraphSnapshot(columns, NodeIndex.Of(columns.Ids), adjacency[..types], adjacency[types..]) { ChangeStamp = changeStamp };

        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException("The image is cut short.", e);
        }
    }

    /// <summary>Strings many nodes share, once each, then each node's list of them (-1: none).</summary>
    static void WriteShared(BinaryWriter writer, int n, Func<int, string[]?> values)
    {
        var table = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var v = 0; v < n; v++)
            foreach (var value in values(v) ?? []) table.TryAdd(value, table.Count);
        writer.Write(table.Count);
        foreach (var value in table.Keys) writer.Write(value);
        for (var v = 0; v < n; v++)
        {
            var list = values(v);
            writer.Write(list?.Length ?? -1);
            foreach (var value in list ?? []) writer.Write(table[value]);
        }
    }

    static string[]?[] ReadShared(BinaryReader reader, int n)
    {
        var table = ReadStrings(reader, reader.ReadInt32());
        var values = new string[]?[n];
        for (var v = 0; v < n; v++)
        {
            var count = reader.ReadInt32();
            if (count <= 0)
            {
                values[v] = count == 0 ? [] : null;
                continue;
            }
            var list = values[v] = new string[count];
            for (var i = 0; i < count; i++) list[i] = table[reader.ReadInt32()];
        }
        return values;
    }

    static string?[] ReadOne(BinaryReader reader, int n) => Array.ConvertAll(ReadShared(reader, n), values => values is [var value] ? value : null);

    static string[] ReadStrings(BinaryReader reader, int count)
    {
        var strings = new string[count];
        for (var i = 0; i < count; i++) strings[i] = reader.ReadString();
        return strings;
    }

    static T[] ReadArray<T>(BinaryReader reader, int count) where T : struct
    {
        var array = new T[count];
        reader.BaseStream.ReadExactly(MemoryMarshal.AsBytes(array.AsSpan()));
        return array;
    }
}
