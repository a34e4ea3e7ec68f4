using ChainGraph.Model.Import;

namespace ChainGraph.Formats;

/// <summary>Reads one import format into a batch; bad rows are rejected into the batch, good rows kept.</summary>
public interface IGraphReader
{
    /// <summary>The name used by <c>import --format</c>.</summary>
    string Format { get; }

    /// <summary>Reads a file or a folder of files; throws <see cref="FormatException"/> only when nothing can be read.</summary>
    void Read(string path, GraphBatch batch, CancellationToken cancellationToken = default);
}
