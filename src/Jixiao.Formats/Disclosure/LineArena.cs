using System.Buffers;

namespace Jixiao.Formats.Disclosure;

/// <summary>
/// Pooled character storage for the lines of the form being read: each line is copied once into a shared
/// chunk and read as a slice of it, instead of becoming a string of its own. The reader clears the arena
/// when no line it holds is needed any more (after a form is read, or between lines outside any form), so
/// memory is that of one form, as it was with a string per line. Chunks are rented; dispose to return them.
/// </summary>
internal sealed class LineArena : IDisposable
{
    // Larger than SourceLine.MaxLength, so that every line fits in one chunk.
    private const int ChunkLength = 64 * 1024;

    private readonly List<char[]> _chunks = [];
    private int _chunk = -1;
    private int _used;

    /// <summary>Copies <paramref name="text"/> into the arena; the slice returned is valid until <see cref="Clear"/>.</summary>
    public ReadOnlyMemory<char> Add(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return ReadOnlyMemory<char>.Empty;
        }

        if (_chunk < 0 || _used + text.Length > _chunks[_chunk].Length)
        {
            _chunk++;
            if (_chunk == _chunks.Count)
            {
                _chunks.Add(ArrayPool<char>.Shared.Rent(Math.Max(ChunkLength, text.Length)));
            }

            _used = 0;
        }

        var chunk = _chunks[_chunk];
        text.CopyTo(chunk.AsSpan(_used));
        var slice = new ReadOnlyMemory<char>(chunk, _used, text.Length);
        _used += text.Length;
        return slice;
    }

    /// <summary>Makes the whole arena free again: every slice handed out before is invalid from now on.</summary>
    public void Clear()
    {
        _chunk = -1;
        _used = 0;
    }

    public void Dispose()
    {
        foreach (var chunk in _chunks)
        {
            ArrayPool<char>.Shared.Return(chunk);
        }

        _chunks.Clear();
        Clear();
    }
}
