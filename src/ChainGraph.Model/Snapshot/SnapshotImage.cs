using System.IO.Hashing;
using System.Runtime.InteropServices;
using System.Text;

namespace ChainGraph.Model.Snapshot;

/// <summary>
/// A snapshot as a binary file, tagged with the store's change stamp: a restart whose store has not
/// changed reads it instead of rebuilding the snapshot from the store. Arrays go as raw bytes, and
/// the strings nodes share (places, tags, stages) once each. A hash of everything after the header
/// is checked before anything is read, so a damaged image is never taken for a snapshot. Three
/// sections (ids, the other node columns, adjacency), whose offsets the header gives, are then read
/// at once on their own streams.
/// </summary>
public static class SnapshotImage
{
    static readonly byte[] Magic = "CGSNAP"u8.ToArray();

    /// <summary>Raised when the layout below changes; an image of another version is not read.</summary>
    const int FormatVersion = 2;

    /// <summary>What the image holds, beyond its format: an image of other columns or relationship types is not read.</summary>
    static readonly string Layout = string.Join(',', SnapshotColumns.Node.Select(c => c.Name)) + ";" +
        string.Join(',', GraphSchema.RelTypes.Select(GraphSchema.Name)) + ";" + (BitConverter.IsLittleEndian ? "le" : "be") + $";{Chunks.Bits}";

    const int Sections = 3;

    /// <param name="stream">A readable, seekable stream: the header's hash and section offsets are filled in last.</param>
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
        var offsetsAt = stream.Position;
        var offsets = new long[Sections];
        writer.Write(0UL);
        writer.Write(MemoryMarshal.AsBytes(offsets.AsSpan()));
        var bodyAt = stream.Position;

        offsets[0] = stream.Position;
        for (var v = 0; v < n; v++) writer.Write(snapshot.Ids[v]);

        offsets[1] = stream.Position;
        for (var v = 0; v < n; v++) writer.Write(snapshot.Names[v]);
        for (var v = 0; v < n; v++) writer.Write((byte)snapshot.Labels[v]);
        foreach (var column in new[] { snapshot.Provinces, snapshot.Cities, snapshot.Countries, snapshot.Stages, snapshot.Sectors, snapshot.Matches })
            WriteShared(writer, n, v => column[v] is { } value ? [value] : null);
        WriteShared(writer, n, v => snapshot.Tags[v]);
        for (var v = 0; v < n; v++) writer.Write(snapshot.Orders[v]);
        for (var v = 0; v < n; v++) writer.Write(snapshot.Capacities[v]);

        offsets[2] = stream.Position;
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
        writer.Flush();
        var hash = Hash(stream, bodyAt);
        stream.Position = offsetsAt;
        writer.Write(hash);
        writer.Write(MemoryMarshal.AsBytes(offsets.AsSpan()));
        writer.Flush();
        stream.Position = stream.Length;
    }

    /// <summary>The snapshot the image at <paramref name="path"/> holds, or null when it holds another stamp, format or layout.</summary>
    /// <exception cref="InvalidDataException">The image is damaged or cut short.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static async Task<GraphSnapshot?> ReadAsync(string path, long? changeStamp)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Section(path, 0, reader => Header(reader, changeStamp)) is not var (n, hash, offsets)) return null;
        using (var file = Open(path, 0))
            if (Hash(file, offsets[0]) != hash) throw Damaged();
        var ids = Task.Run(() => Section(path, offsets[0], reader =>
        {
            var column = NodeColumn<string>.From(ReadStrings(reader, n));
            return (Column: column, Index: NodeIndex.Of(column));
        }));
        var adjacency = Task.Run(() => Section(path, offsets[2], reader => ReadAdjacency(reader, n)));
        var columns = Section(path, offsets[1], reader => ReadColumns(reader, n));
        var (idColumn, index) = await ids;
        var (outgoing, incoming) = await adjacency;
        return new GraphSnapshot(columns(idColumn), index, outgoing, incoming) { ChangeStamp = changeStamp };
    }

    /// <summary>The node count, the body's hash and the section offsets, or null for an image of another format, layout or stamp.</summary>
    static (int Nodes, ulong Hash, long[] Offsets)? Header(BinaryReader reader, long? changeStamp)
    {
        if (!reader.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic) || reader.ReadInt32() != FormatVersion || reader.ReadString() != Layout)
            return null;
        var stamped = reader.ReadBoolean();
        var stamp = reader.ReadInt64();
        if ((stamped ? stamp : (long?)null) != changeStamp) return null;
        var nodes = Count(reader, reader.ReadInt32());
        var hash = reader.ReadUInt64();
        var offsets = ReadArray<long>(reader, Sections);
        return offsets.All(o => o > 0 && o <= reader.BaseStream.Length) ? (nodes, hash, offsets) : throw Damaged();
    }

    static T Section<T>(string path, long offset, Func<BinaryReader, T> read)
    {
        using var reader = new BinaryReader(Open(path, offset), Encoding.UTF8);
        try
        {
            return read(reader);
        }
        catch (Exception e) when (e is EndOfStreamException or FormatException)
        {
            // Cut short, or a string whose length is not one.
            throw new InvalidDataException("The snapshot image is damaged.", e);
        }
    }

    static FileStream Open(string path, long offset)
    {
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20);
        file.Position = offset;
        return file;
    }

    /// <summary>Every node column but the ids, which another section holds.</summary>
    static Func<NodeColumn<string>, NodeColumns> ReadColumns(BinaryReader reader, int n)
    {
        var names = NodeColumn<string>.From(ReadStrings(reader, n));
        var labels = NodeColumn<NodeLabel>.From(Array.ConvertAll(reader.ReadBytes(n), b => (NodeLabel)b));
        var (provinces, cities, countries, stages, sectors, matches) =
            (ReadOne(reader, n), ReadOne(reader, n), ReadOne(reader, n), ReadOne(reader, n), ReadOne(reader, n), ReadOne(reader, n));
        var tags = NodeColumn<string[]>.From(Array.ConvertAll(ReadShared(reader, n), t => t ?? []));
        var orders = NodeColumn<int>.From(ReadArray<int>(reader, n));
        var capacities = NodeColumn<double>.From(ReadArray<double>(reader, n));
        return ids => new NodeColumns(ids, labels, names, provinces, cities, countries, tags, stages, orders, matches, sectors, capacities);
    }

    static (CsrAdjacency[] Outgoing, CsrAdjacency[] Incoming) ReadAdjacency(BinaryReader reader, int n)
    {
        var adjacency = new CsrAdjacency[2 * GraphSchema.RelTypes.Count];
        for (var a = 0; a < adjacency.Length; a++)
        {
            var blocks = new CsrAdjacency.Block[Chunks.For(n)];
            if (reader.ReadInt32() != blocks.Length) throw Damaged();
            for (var b = 0; b < blocks.Length; b++)
            {
                var edges = Count(reader, reader.ReadInt32());
                blocks[b] = new CsrAdjacency.Block(ReadArray<int>(reader, Chunks.Size + 1), ReadArray<int>(reader, edges), ReadArray<float>(reader, edges));
            }
            adjacency[a] = CsrAdjacency.FromBlocks(blocks);
        }
        if (!reader.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic) || reader.ReadInt32() != n)
            throw Damaged();
        var types = GraphSchema.RelTypes.Count;
        return (adjacency[..types], adjacency[types..]);
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
        var table = ReadStrings(reader, Count(reader, reader.ReadInt32()));
        var values = new string[]?[n];
        for (var v = 0; v < n; v++)
        {
            var count = reader.ReadInt32();
            if (count <= 0)
            {
                values[v] = count == 0 ? [] : null;
                continue;
            }
            var list = values[v] = new string[Count(reader, count)];
            for (var i = 0; i < count; i++) list[i] = (uint)reader.ReadInt32() is var at && at < table.Length ? table[at] : throw Damaged();
        }
        return values;
    }

    static NodeColumn<string?> ReadOne(BinaryReader reader, int n) =>
        NodeColumn<string?>.From(Array.ConvertAll(ReadShared(reader, n), values => values is [var value] ? value : null));

    static string[] ReadStrings(BinaryReader reader, int count)
    {
        var strings = new string[count];
        for (var i = 0; i < count; i++) strings[i] = reader.ReadString();
        return strings;
    }

    /// <summary>XxHash3 of the stream from <paramref name="start"/> to its end.</summary>
    static ulong Hash(Stream stream, long start)
    {
        stream.Position = start;
        var hash = new XxHash3();
        var buffer = new byte[1 << 20];
        for (int read; (read = stream.Read(buffer)) > 0;) hash.Append(buffer.AsSpan(0, read));
        return hash.GetCurrentHashAsUInt64();
    }

    /// <summary>A count read from the image, which no more bytes than the file has left can hold.</summary>
    static int Count(BinaryReader reader, int count) =>
        count >= 0 && count <= reader.BaseStream.Length - reader.BaseStream.Position ? count : throw Damaged();

    static InvalidDataException Damaged() => new("The snapshot image is damaged.");

    static T[] ReadArray<T>(BinaryReader reader, int count) where T : struct
    {
        var array = new T[count];
        reader.BaseStream.ReadExactly(MemoryMarshal.AsBytes(array.AsSpan()));
        return array;
    }
}
