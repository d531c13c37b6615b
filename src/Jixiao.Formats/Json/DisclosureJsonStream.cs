using System.Text.Json;
using Jixiao.Domain.Model;
using Jixiao.Formats.Disclosure;
using Jixiao.Formats.Sources;

namespace Jixiao.Formats.Json;

/// <summary>
/// Writes interchange documents while their forms are read: each form goes to the stream as soon as it is
/// read (the writer is flushed after each form; a form of the seeds is some 9 KB of JSON), the diagnostics follow the forms sorted
/// by line, as <see cref="DisclosureReader.Collect"/> orders them. The bytes are those of
/// <see cref="DisclosureJson.Write"/> and <see cref="DisclosureJson.WriteMany"/> for the same document.
/// </summary>
/// <param name="afterEach">Called after each form and each diagnostic of a streamed document (the CLI paces the GC with it).</param>
public sealed class DisclosureJsonStream(Stream stream, Action? afterEach = null) : IDisposable
{
    /// <summary>Pending diagnostics output written out at once (they are small; forms are flushed one by one).</summary>
    private const int FlushBytes = 64 * 1024;

    private readonly Utf8JsonWriter _writer = new(stream, DisclosureJson.WriterOptions);
    private readonly FormJsonBytes _form = new();

    /// <summary>Whether anything has been written yet.</summary>
    public bool Started => _writer.BytesCommitted + _writer.BytesPending > 0;

    /// <summary>Opens the array that holds several documents (as <see cref="DisclosureJson.WriteMany"/>).</summary>
    public void WriteStartArray() => _writer.WriteStartArray();

    public void WriteEndArray()
    {
        _writer.WriteEndArray();
        _writer.Flush();
    }

    /// <summary>A document read whole.</summary>
    public void WriteDocument(DisclosureDocument document)
    {
        DisclosureJson.WriteDocument(_writer, document);
        _writer.Flush();
    }

    /// <summary>
    /// A document from streamed results. Nothing is written if the first result cannot be read (the
    /// exception is thrown as is); if a later one cannot, the document is closed with what was read and the
    /// exception is thrown after. Returns the number of forms written.
    /// </summary>
    public int WriteDocument(string source, IEnumerable<FormReadResult> results)
    {
        using var e = results.GetEnumerator();
        var more = e.MoveNext();
        using var diagnostics = new DiagnosticSpool();
        var forms = 0;
        _writer.WriteStartObject();
        _writer.WriteString("schema", DisclosureJson.Schema);
        _writer.WriteString("source", source);
        _writer.WriteStartArray("forms");
        Exception? failure = null;
        while (more)
        {
            var r = e.Current;
            if (r.Form is { } form)
            {
                // The form's bytes (those of DisclosureJson.WriteForm, made faster) go in as a raw value: the
                // writer adds the separator and keeps its state; the bytes bring their own line and indentation.
                _form.Write(form, _writer.CurrentDepth);
                _writer.WriteRawValue(_form.Written, skipInputValidation: true);
                _writer.Flush();
                forms++;
            }

            afterEach?.Invoke();

            diagnostics.AddRange(r.Diagnostics);
            try
            {
                more = e.MoveNext();
            }
            catch (Exception ex)
            {
                failure = ex;
                more = false;
            }
        }

        _writer.WriteEndArray();
        _writer.WriteStartArray("diagnostics");
        foreach (var d in diagnostics.Sorted())
        {
            DisclosureJson.WriteDiagnostic(_writer, d);
            if (_writer.BytesPending >= FlushBytes)
            {
                _writer.Flush();
            }

            afterEach?.Invoke();
        }

        _writer.WriteEndArray();
        _writer.WriteEndObject();
        _writer.Flush();
        if (failure is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
        }

        return forms;
    }

    public void Dispose() => _writer.Dispose();
}
