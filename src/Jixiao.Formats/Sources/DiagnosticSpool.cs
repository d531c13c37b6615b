using Jixiao.Domain.Model;

namespace Jixiao.Formats.Sources;

/// <summary>
/// Holds a streamed document's diagnostics until its forms are written, then gives them back sorted by
/// line in the order <see cref="Disclosure.DisclosureReader.Collect"/> gives. Beyond <see cref="InMemory"/> diagnostics they are kept in a temporary
/// file (deleted on dispose), and memory holds only 16 bytes of sort key per diagnostic — a 90 MB text of
/// the seeds has 82,000 of them, some 15 MB as objects.
/// </summary>
public sealed class DiagnosticSpool : IDisposable
{
    /// <summary>How many diagnostics are kept as objects before the spool moves to a file.</summary>
    public const int InMemory = 4096;

    private readonly List<Key> _keys = [];
    private List<Diagnostic>? _memory = [];
    private FileStream? _file;
    private BinaryWriter? _writer;

    public int Count => _keys.Count;

    public void Add(Diagnostic d)
    {
        if (_memory is not null && _memory.Count == InMemory)
        {
            Spill();
        }

        if (_memory is not null)
        {
            _keys.Add(new Key(d.Line, _memory.Count));
            _memory.Add(d);
            return;
        }

        _keys.Add(new Key(d.Line, _file!.Position));
        Write(_writer!, d);
    }

    public void AddRange(IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var d in diagnostics)
        {
            Add(d);
        }
    }

    /// <summary>Every diagnostic added, by line; enumerate once, after the last <see cref="Add"/>.</summary>
    public IEnumerable<Diagnostic> Sorted()
    {
        var keys = _keys.ToArray();
        // Exactly as DisclosureReader.Collect sorts: by line only, with the same (introspective, not stable)
        // sort on the same sequence, so that diagnostics of one line come out in the same order.
        Array.Sort(keys, static (a, b) => a.Line.CompareTo(b.Line));
        if (_memory is not null)
        {
            foreach (var k in keys)
            {
                yield return _memory[(int)k.Offset];
            }

            yield break;
        }

        _writer!.Flush();
        using var reader = new BinaryReader(_file!, System.Text.Encoding.UTF8, leaveOpen: true);
        var position = -1L;
        foreach (var k in keys)
        {
            if (k.Offset != position)
            {
                _file!.Position = k.Offset;
            }

            yield return Read(reader);
            position = _file!.Position;
        }
    }

    public void Dispose()
    {
        _writer?.Dispose();
        _file?.Dispose();
    }

    private void Spill()
    {
        var path = Path.Combine(Path.GetTempPath(), $"jixiao-diagnostics-{Guid.NewGuid():N}.bin");
        _file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.Delete, 1 << 16, FileOptions.DeleteOnClose);
        if (!OperatingSystem.IsWindows())
        {
            File.Delete(path); // gone from the folder at once; the open handle keeps it until disposed, even if the process is killed
        }

        _writer = new BinaryWriter(_file, System.Text.Encoding.UTF8, leaveOpen: true);
        for (var k = 0; k < _keys.Count; k++)
        {
            _keys[k] = _keys[k] with { Offset = _file.Position };
            Write(_writer, _memory![k]);
        }

        _memory = null;
    }

    private static void Write(BinaryWriter w, Diagnostic d)
    {
        w.Write((byte)d.Severity);
        w.Write(d.Line);
        w.Write(d.Code);
        w.Write(d.Message);
    }

    private static Diagnostic Read(BinaryReader r) => new((Severity)r.ReadByte(), r.ReadInt32(), r.ReadString(), r.ReadString());

    /// <summary>Where a diagnostic is: its index in memory, or its offset in the file.</summary>
    private readonly record struct Key(int Line, long Offset);
}
