using System.Text;
using Jixiao.Domain.Model;
using Jixiao.Domain.Values;
using Jixiao.Formats.Disclosure;
using Jixiao.Formats.Json;
using Jixiao.Formats.Sources;
using Jixiao.Tests.Support;

namespace Jixiao.Tests.Reading;

/// <summary>
/// <c>jixiao parse</c> streams text files (forms written as they are read); its output must be byte for byte
/// what writing the whole document gives.
/// </summary>
public class StreamedParseTests
{
    public static TheoryData<string> SeedFiles => [.. Seeds.All];

    [Theory]
    [MemberData(nameof(SeedFiles))]
    public void Parse_of_one_seed_prints_exactly_the_whole_document_json(string seed)
    {
        var path = Seeds.PathOf(seed);
        var expected = Whole(s => DisclosureJson.Write(s, Assert.Single(DocumentLoader.Load(path))));

        var result = JixiaoProcess.Run("parse", path);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(expected, result.Stdout);
    }

    [Fact]
    public void Parse_of_several_files_prints_exactly_the_array_of_whole_documents()
    {
        var paths = Seeds.All.Select(Seeds.PathOf).ToArray();
        var expected = Whole(s => DisclosureJson.WriteMany(s, paths.SelectMany(DocumentLoader.Load).ToList()));

        var result = JixiaoProcess.Run(["parse", .. paths]);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(expected, result.Stdout);
    }

    [Fact]
    public void An_unreadable_file_among_several_is_left_out_and_exits_2()
    {
        var paths = new[] { Seeds.PathOf(Seeds.File000), "/nonexistent/x.txt", Seeds.PathOf(Seeds.File004) };
        var expected = Whole(s => DisclosureJson.WriteMany(s, [.. DocumentLoader.Load(paths[0]), .. DocumentLoader.Load(paths[2])]));

        var result = JixiaoProcess.Run(["parse", .. paths]);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(expected, result.Stdout);
        Assert.Contains("文件不存在：/nonexistent/x.txt", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void One_unreadable_file_prints_an_empty_array()
    {
        var result = JixiaoProcess.Run("parse", "/nonexistent/x.txt", "--format", "json");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("[]\n", result.Stdout);
    }

    /// <summary>
    /// Fifty copies of the seeds: past the raw reader's 400,000 tokens, so the file streams; thousands of
    /// diagnostics, so the spool moves to its file, and many on the same line, whose order must stay that of
    /// <see cref="DisclosureReader.Collect"/>.
    /// </summary>
    [Fact]
    public void A_large_text_streams_to_the_same_bytes_as_the_whole_document()
    {
        var text = string.Concat(Enumerable.Repeat(string.Concat(Seeds.All.Select(f => Seeds.Text(f) + "\n")), 50));
        var path = TempFile("large.txt", Encoding.UTF8.GetBytes(text));
        try
        {
            var whole = DisclosureReader.Read(text, "large.txt");
            Assert.True(whole.Diagnostics.Count > DiagnosticSpool.InMemory);
            Assert.NotNull(SourceStream.Open(path).Forms);
            Assert.False(Jixiao.Formats.Raw.RawTokens.WithinBounds(new StringReader(text)));

            Assert.Equal(Whole(s => DisclosureJson.Write(s, whole)), Streamed(path));
        }
        finally
        {
            Remove(path);
        }
    }

    [Fact]
    public void GB18030_and_BOM_texts_stream_as_they_load()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var text = Seeds.Text(Seeds.File002);
        var variants = new[]
        {
            TempFile("gb.txt", Encoding.GetEncoding("GB18030").GetBytes(text)),
            TempFile("bom.txt", [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(text)]),
            TempFile("empty.txt", []),
        };
        try
        {
            foreach (var path in variants)
            {
                Assert.Equal(Whole(s => DisclosureJson.Write(s, Assert.Single(DocumentLoader.Load(path)))), Streamed(path));
            }

            Assert.Equal(9, DocumentLoader.Load(variants[0])[0].Forms.Count);
        }
        finally
        {
            foreach (var path in variants)
            {
                Remove(path);
            }
        }
    }

    [Theory]
    [InlineData("abc", 3)]
    [InlineData("ab\u00e9", 4)]
    [InlineData("\u9879", 3)]
    [InlineData("\U0001F600", 4)]
    public void The_UTF8_check_keeps_whole_sequences_and_carries_a_cut_one(string text, int whole)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        Assert.Equal(whole, SourceStream.WholeSequences(bytes));
        var lead = Array.FindLastIndex(bytes, b => (b & 0xC0) != 0x80);
        for (var cut = 1; cut < bytes.Length - lead; cut++)
        {
            // The last character missing its final `cut` bytes: left whole for the next buffer.
            Assert.Equal(lead, SourceStream.WholeSequences(bytes[..^cut]));
        }
    }

    [Fact]
    public void A_UTF8_text_cut_at_the_check_buffer_is_read_as_UTF8_and_a_bad_byte_there_as_GB18030()
    {
        // 项 is three bytes: put one across the 64 KiB boundary of the check's buffer.
        var text = new string('a', (1 << 16) - 1) + "\n项目名称\n";
        var bytes = Encoding.UTF8.GetBytes(text);
        var bad = (byte[])bytes.Clone();
        bad[(1 << 16) + 1] = 0x41; // the cut sequence's last byte is no continuation byte
        var paths = new[] { TempFile("cut.txt", bytes), TempFile("cut-bad.txt", bad) };
        try
        {
            foreach (var path in paths)
            {
                Assert.Equal(Whole(s => DisclosureJson.Write(s, Assert.Single(DocumentLoader.Load(path)))), Streamed(path));
            }
        }
        finally
        {
            foreach (var path in paths)
            {
                Remove(path);
            }
        }
    }

    [Fact]
    public void Streamed_forms_escape_strings_as_the_JSON_writer_does()
    {
        // The streaming writer writes forms itself (FormJsonBytes); any string the encoder would escape goes
        // the writer's way. Strings of every kind, in every field, in one and in several documents.
        string[] strings =
        [
            "引号\"与\\反斜杠", "换行\n制表\t回车\r", "控制\u0001\u001f\u007f", "<b>&'+`", "\u2028\u2029\u00a0\u3000",
            "\ufeff\ufffd\uffff\u0378", "😀𠀀", "孤\ud800立", "\udc00", "", "≥8.00（人次）",
        ];
        var forms = strings.Select((t, k) => new PerformanceForm
        {
            Kind = k % 2 == 0 ? FormKind.Target : FormKind.SelfEvaluation,
            Year = k == 3 ? null : 2024 + k,
            Group = k == 1 ? null : t,
            Line = k * 7,
            Name = t,
            Nature = t,
            Category = k == 2 ? null : t,
            Department = t,
            Unit = t,
            StartDate = k == 4 ? null : new DateOnly(2024, 1, 1 + k),
            Funds = k == 5 ? null : new Funds(1234567.89m, 0.00m, null, -1m),
            Budget = k == 6 ? null : new Budget(new BudgetRow(1m, 2.50m, null, 100.00m, 10m, 9.99m), null, new BudgetRow(null, null, null, null), null),
            Goal = t,
            Outcome = k == 7 ? null : t,
            Indicators = k == 8 ? [] : [new Indicator(t, t, t, t, new IndicatorValue(Comparison.AtLeast, 8.00m, t, null), t, k == 9 ? null : new IndicatorValue(null, null, null, t), 5m, null, t, 42)],
            TotalWeight = 100m,
            TotalScore = k == 10 ? null : 95.50m,
            Grade = t,
        }).ToList();
        var diagnostics = strings.Select((t, k) => new Diagnostic(Severity.Warning, k, "code", t)).ToList();
        var document = new DisclosureDocument("x.txt", forms, diagnostics);
        var results = forms.Select(f => new FormReadResult(f, [])).Append(new FormReadResult(null, diagnostics)).ToList();

        var one = Whole(s =>
        {
            using var json = new DisclosureJsonStream(s);
            json.WriteDocument("x.txt", results);
        });
        Assert.Equal(Whole(s => DisclosureJson.Write(s, document)), one);
        Assert.Contains("\"引号\\\"与\\\\反斜杠\"", one, StringComparison.Ordinal); // the escaping path was taken

        var many = Whole(s =>
        {
            using var json = new DisclosureJsonStream(s);
            json.WriteStartArray();
            json.WriteDocument("x.txt", results);
            json.WriteDocument("x.txt", results);
            json.WriteEndArray();
        });
        Assert.Equal(Whole(s => DisclosureJson.WriteMany(s, [document, document])), many);
    }

    [Fact]
    public void Json_files_are_loaded_whole_not_streamed()
    {
        var json = DisclosureJson.ToJson(Seeds.Read(Seeds.File000));
        var path = TempFile("doc.txt", Encoding.UTF8.GetBytes("\n  " + json));
        try
        {
            var source = SourceStream.Open(path);

            Assert.Null(source.Forms);
            Assert.Equal(7, Assert.Single(source.Documents!).Forms.Count);
        }
        finally
        {
            Remove(path);
        }
    }

    [Fact]
    public void Parse_table_of_a_large_text_prints_tables_of_a_hundred_rows_and_the_totals()
    {
        var text = string.Concat(Enumerable.Repeat(Seeds.Text(Seeds.File001) + "\n", 4));
        var path = TempFile("four.txt", Encoding.UTF8.GetBytes(text));
        try
        {
            var whole = DisclosureReader.Read(text, "four.txt");

            var result = JixiaoProcess.Run("parse", path, "--format", "table");

            Assert.Equal(0, result.ExitCode);
            Assert.Equal(136, whole.Forms.Count);
            Assert.Contains($"表 136 张，指标 {whole.Forms.Sum(f => f.Indicators.Count)} 个，诊断 {whole.Diagnostics.Count} 条", result.Stdout, StringComparison.Ordinal);
            Assert.Contains("four.txt（续）", result.Stdout, StringComparison.Ordinal);
            var warnings = whole.Diagnostics.Where(d => d.Severity != Severity.Info).Select(d => $"第{d.Line}行 {d.Code}：{d.Message}").ToList();
            var printed = result.Stdout.Split('\n').Where(l => l.StartsWith("  warning ", StringComparison.Ordinal) || l.StartsWith("  error ", StringComparison.Ordinal))
                .Select(l => l[(l.IndexOf(' ', 3) + 1)..]).ToList();
            Assert.Equal(warnings, printed);
        }
        finally
        {
            Remove(path);
        }
    }

    /// <summary>
    /// Raw text the raw reader reads is read whole, and <c>jixiao parse</c> prints what <see cref="DocumentLoader.Load"/>
    /// reads: here the raw reader's reading of a printing, not the line reader's.
    /// </summary>
    [Fact]
    public void Raw_text_is_read_whole_and_parse_keeps_the_fuller_reading_as_Load_does()
    {
        var text = "财政项目支出绩效目标申报表\n（2024年度）\n项目名称 信息化运维项目\n主管部门 上海市医疗保障局\n实施单位 上海市医疗保障局\n年度资金申请总额\n4,855,541.00\n"
            + "一级指标 二级指标\n三级指标\n年度(/项目)指标值\n产出指标 数量指标 新增系统平台功能点\n≥20.00(个)\n";
        var path = TempFile("raw.txt", Encoding.UTF8.GetBytes(text));
        try
        {
            var loaded = Assert.Single(DocumentLoader.Load(path));
            Assert.Equal("新增系统平台功能点", Assert.Single(Assert.Single(loaded.Forms).Indicators).Name);
            var lines = DisclosureReader.Read(text, "raw.txt");
            Assert.NotEqual(Whole(s => DisclosureJson.Write(s, lines)), Whole(s => DisclosureJson.Write(s, loaded)));
            Assert.Null(SourceStream.Open(path).Forms);

            var result = JixiaoProcess.Run("parse", path);

            Assert.Equal(0, result.ExitCode);
            Assert.Equal(Whole(s => DisclosureJson.Write(s, loaded)), result.Stdout);
        }
        finally
        {
            Remove(path);
        }
    }

    [Theory]
    [InlineData("项目名称 信息化运维项目\n\n- 2 -\n主管部门 ：上海市\n", 4, true)]
    [InlineData("a b c\r\nd", 4, true)]
    [InlineData("a b c\r\nd", 3, false)]
    public void The_bounds_check_counts_tokens_as_the_raw_reader_does(string text, int extraTokens, bool within)
    {
        // Fill up to the bound with one-token lines, then the text: within iff its tokens fit.
        var count = Jixiao.Formats.Raw.RawTokens.Read(text).Count;
        var filler = string.Concat(Enumerable.Repeat("x\n", Jixiao.Formats.Raw.RawReader.MaxTokens - extraTokens));

        Assert.Equal(within, Jixiao.Formats.Raw.RawTokens.WithinBounds(new StringReader(filler + text)));
        Assert.Equal(within, count <= extraTokens);
    }

    private static string Whole(Action<Stream> write)
    {
        using var ms = new MemoryStream();
        write(ms);
        ms.WriteByte((byte)'\n');
        return Encoding.UTF8.GetString(ms.ToArray());
    }

    private static string Streamed(string path)
    {
        // The line reader's stream, also for files small enough to be read whole (see Raw_text_is_read_whole…).
        var source = SourceStream.Open(path, lineReaderOnly: true);
        Assert.NotNull(source.Forms);
        using var ms = new MemoryStream();
        using (var json = new DisclosureJsonStream(ms))
        {
            json.WriteDocument(source.Source, source.Forms);
        }

        ms.WriteByte((byte)'\n');
        return Encoding.UTF8.GetString(ms.ToArray());
    }

    private static void Remove(string path) => Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);

    private static string TempFile(string name, byte[] bytes)
    {
        var dir = Path.Combine(Path.GetTempPath(), $"jixiao-stream-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
