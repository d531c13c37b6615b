using System.Buffers;
using System.Buffers.Text;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Jixiao.Domain.Model;
using Jixiao.Domain.Values;

namespace Jixiao.Formats.Json;

/// <summary>
/// One form as the bytes <see cref="DisclosureJson.WriteForm"/> gives it (no annotations), written straight
/// into a reused buffer: the streaming CLI writes 40,000 forms (361 MB) for a 90 MB text, and
/// <see cref="Utf8JsonWriter"/> checked every property name and value for escaping, transcoded the names and
/// validated the structure, call by call. Here names are constant UTF-8; a value that
/// <see cref="DisclosureJson.WriterOptions"/>' encoder would escape (none in the seeds) is written by a
/// <see cref="Utf8JsonWriter"/> with those options, so the bytes are the same. The result starts with the
/// new line and indentation that put the form at <c>depth</c>, ready for <see cref="Utf8JsonWriter.WriteRawValue(ReadOnlySpan{byte}, bool)"/>.
/// </summary>
internal sealed class FormJsonBytes
{
    private const int IndentSize = 2;

    private static readonly System.Text.Encodings.Web.JavaScriptEncoder Encoder = DisclosureJson.WriterOptions.Encoder!;
    private static readonly SearchValues<char> ToEscape = BuildToEscape();

    private readonly ArrayBufferWriter<byte> _escaped = new(256);
    private byte[] _buffer = new byte[32 * 1024];
    private int _length;
    private int _depth;
    private bool _first;

    /// <summary>The bytes of the last form written; valid until the next <see cref="Write"/>.</summary>
    public ReadOnlySpan<byte> Written => _buffer.AsSpan(0, _length);

    public void Write(PerformanceForm f, int depth)
    {
        _length = 0;
        _depth = depth;
        NewLine();
        StartObject();
        String("kind"u8, FormKinds.Word(f.Kind));
        Number("year"u8, f.Year);
        String("group"u8, f.Group);
        Number("line"u8, f.Line);
        String("name"u8, f.Name);
        String("nature"u8, f.Nature);
        String("category"u8, f.Category);
        String("department"u8, f.Department);
        String("unit"u8, f.Unit);
        String("startDate"u8, f.StartDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        String("endDate"u8, f.EndDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (f.Funds is { } funds)
        {
            Property("funds"u8);
            StartObject();
            Number("annualTotal"u8, funds.AnnualTotal);
            Number("currentYear"u8, funds.CurrentYear);
            Number("carryOver"u8, funds.CarryOver);
            Number("other"u8, funds.Other);
            EndObject();
        }
        else
        {
            Null("funds"u8);
        }

        if (f.Budget is { } budget)
        {
            Property("budget"u8);
            StartObject();
            BudgetRow("total"u8, budget.Total, withScore: true);
            BudgetRow("currentYear"u8, budget.CurrentYear, withScore: false);
            BudgetRow("carryOver"u8, budget.CarryOver, withScore: false);
            BudgetRow("other"u8, budget.Other, withScore: false);
            EndObject();
        }
        else
        {
            Null("budget"u8);
        }

        String("goal"u8, f.Goal);
        String("outcome"u8, f.Outcome);
        Property("indicators"u8);
        StartContainer((byte)'[');
        foreach (var i in f.Indicators)
        {
            Item();
            Indicator(i);
        }

        EndContainer((byte)']');
        Number("totalWeight"u8, f.TotalWeight);
        Number("totalScore"u8, f.TotalScore);
        String("grade"u8, f.Grade);
        EndObject();
    }

    private void Indicator(Indicator i)
    {
        StartObject();
        String("level1"u8, i.Level1);
        String("level2"u8, i.Level2);
        String("name"u8, i.Name);
        String("target"u8, i.Target);
        Property("targetValue"u8);
        Value(i.TargetValue);
        String("actual"u8, i.Actual);
        Property("actualValue"u8);
        if (i.ActualValue is null)
        {
            Raw("null"u8);
        }
        else
        {
            Value(i.ActualValue);
        }

        Number("weight"u8, i.Weight);
        Number("score"u8, i.Score);
        String("deviation"u8, i.Deviation);
        Number("line"u8, i.Line);
        EndObject();
    }

    private void Value(IndicatorValue v)
    {
        StartObject();
        String("op"u8, v.Op?.Symbol());
        Number("number"u8, v.Number);
        String("unit"u8, v.Unit);
        String("text"u8, v.Text);
        EndObject();
    }

    private void BudgetRow(ReadOnlySpan<byte> name, BudgetRow? row, bool withScore)
    {
        if (row is null)
        {
            Null(name);
            return;
        }

        Property(name);
        StartObject();
        Number("initial"u8, row.Initial);
        Number("full"u8, row.Full);
        Number("executed"u8, row.Executed);
        Number("rate"u8, row.Rate);
        if (withScore)
        {
            Number("weight"u8, row.Weight);
            Number("score"u8, row.Score);
        }

        EndObject();
    }

    // ---- the indented layout of Utf8JsonWriter: "name": value, one per line; {} and [] when empty ----

    private void StartObject() => StartContainer((byte)'{');

    private void EndObject() => EndContainer((byte)'}');

    private void StartContainer(byte open)
    {
        Raw([open]);
        _depth++;
        _first = true;
    }

    private void EndContainer(byte close)
    {
        _depth--;
        if (!_first)
        {
            NewLine();
        }

        Raw([close]);
        _first = false;
    }

    /// <summary>Before an array element: the separator and its line.</summary>
    private void Item()
    {
        if (!_first)
        {
            Raw(","u8);
        }

        NewLine();
        _first = false;
    }

    private void Property(ReadOnlySpan<byte> name)
    {
        Item();
        var span = Reserve(name.Length + 4);
        span[0] = (byte)'"';
        name.CopyTo(span[1..]);
        span[name.Length + 1] = (byte)'"';
        span[name.Length + 2] = (byte)':';
        span[name.Length + 3] = (byte)' ';
        _length += name.Length + 4;
    }

    private void NewLine()
    {
        var indent = _depth * IndentSize;
        var span = Reserve(indent + 1);
        span[0] = (byte)'\n';
        span.Slice(1, indent).Fill((byte)' ');
        _length += indent + 1;
    }

    private void Null(ReadOnlySpan<byte> name)
    {
        Property(name);
        Raw("null"u8);
    }

    private void String(ReadOnlySpan<byte> name, string? value)
    {
        Property(name);
        if (value is null)
        {
            Raw("null"u8);
            return;
        }

        if (value.AsSpan().ContainsAny(ToEscape))
        {
            Escaped(value);
            return;
        }

        var span = Reserve(Encoding.UTF8.GetMaxByteCount(value.Length) + 2);
        span[0] = (byte)'"';
        var n = Encoding.UTF8.GetBytes(value, span[1..]);
        span[n + 1] = (byte)'"';
        _length += n + 2;
    }

    /// <summary>
    /// The characters the encoder escapes (asked once per character of the BMP), and every surrogate: a
    /// string with any of them is written by the writer itself.
    /// </summary>
    private static SearchValues<char> BuildToEscape()
    {
        var chars = new List<char>();
        Span<byte> utf8 = stackalloc byte[4];
        for (var c = 0; c <= char.MaxValue; c++)
        {
            var ch = (char)c;
            if (char.IsSurrogate(ch) || Encoder.FindFirstCharacterToEncodeUtf8(utf8[..Encoding.UTF8.GetBytes([ch], utf8)]) != -1)
            {
                chars.Add(ch);
            }
        }

        return SearchValues.Create(chars.ToArray());
    }

    /// <summary>A string value with characters to escape, as Utf8JsonWriter writes it alone.</summary>
    private void Escaped(string value)
    {
        _escaped.ResetWrittenCount();
        using (var w = new Utf8JsonWriter(_escaped, DisclosureJson.WriterOptions))
        {
            w.WriteStringValue(value);
        }

        Raw(_escaped.WrittenSpan);
    }

    private void Number(ReadOnlySpan<byte> name, decimal? value)
    {
        Property(name);
        if (value is not { } d)
        {
            Raw("null"u8);
            return;
        }

        Utf8Formatter.TryFormat(d, Reserve(64), out var n);
        _length += n;
    }

    private void Number(ReadOnlySpan<byte> name, int? value)
    {
        Property(name);
        if (value is not { } v)
        {
            Raw("null"u8);
            return;
        }

        Utf8Formatter.TryFormat(v, Reserve(16), out var n);
        _length += n;
    }

    private void Raw(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(Reserve(bytes.Length));
        _length += bytes.Length;
    }

    private Span<byte> Reserve(int count)
    {
        if (_length + count > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + count));
        }

        return _buffer.AsSpan(_length);
    }
}
