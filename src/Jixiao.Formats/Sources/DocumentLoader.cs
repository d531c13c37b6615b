using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Jixiao.Domain.Model;
using Jixiao.Formats.Disclosure;
using Jixiao.Formats.Json;
using Jixiao.Formats.Layout;
using Jixiao.Formats.Raw;
using Jixiao.Formats.Xlsx;

namespace Jixiao.Formats.Sources;

/// <summary>A file that could not be read at all (missing, a PDF without pdftotext, malformed JSON).</summary>
public sealed class UnreadableSourceException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Turns a file into disclosure documents, whatever it is: extracted text, a PDF (through poppler's
/// <c>pdftotext</c>), interchange JSON or an XLSX workbook (see <see cref="XlsxImporter"/>).
/// </summary>
public static class DocumentLoader
{
    /// <summary>How long pdftotext may take on one file.</summary>
    public static TimeSpan PdfTimeout { get; set; } = TimeSpan.FromMinutes(2);

    public static IReadOnlyList<DisclosureDocument> Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new UnreadableSourceException($"文件不存在：{path}");
        }

        var name = Path.GetFileName(path);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UnreadableSourceException($"无法读取文件 {path}：{ex.Message}", ex);
        }

        return LoadBytes(bytes, name, path);
    }

    /// <summary>Reads content already in memory (an upload); <paramref name="path"/> is only needed for PDFs on disk.</summary>
    public static IReadOnlyList<DisclosureDocument> LoadBytes(byte[] bytes, string name, string? path = null)
    {
        if (IsPdf(bytes))
        {
            return [ReadPdf(bytes, name, path)];
        }

        if (IsZip(bytes) && name.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            return [XlsxImporter.Read(bytes, name)];
        }

        var text = Decode(bytes);
        var trimmed = text.TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (name.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || trimmed.StartsWith('{') || trimmed.StartsWith('['))
        {
            try
            {
                return DisclosureJson.Read(trimmed, name);
            }
            catch (JsonException ex)
            {
                throw new UnreadableSourceException($"{name} 不是有效的 JSON：{ex.Message}", ex);
            }
        }

        return [ReadText(text, name)];
    }

    /// <summary>
    /// Text from any source: columns kept by spaces (<c>pdftotext -layout</c>) are read by their geometry
    /// as well as line by line, and the fuller reading is kept; other text is read line by line.
    /// </summary>
    public static DisclosureDocument ReadText(string text, string name)
    {
        var lines = DisclosureReader.Read(text, name);
        return LayoutTextCells.LooksLikeLayout(text) ? LayoutReader.Better(lines, LayoutReader.ReadLayoutText(text, name)) : RawReader.Better(lines, RawReader.Read(text, name));
    }

    /// <summary>
    /// A PDF: its drawn tables read by geometry (PdfPig); without drawn borders, its text with the page's
    /// columns (<c>pdftotext -layout</c>) and its raw text, the fuller reading kept.
    /// </summary>
    private static DisclosureDocument ReadPdf(byte[] bytes, string name, string? path)
    {
        var geometry = LayoutReader.ReadPdfGeometry(bytes, name, out var failure, out var ruled);
        if (geometry is not null && geometry.Forms.Count > 0 && ruled)
        {
            return geometry;
        }

        var layout = LayoutReader.ReadLayoutText(PdfToText(bytes, path, layout: true), name);
        var rawText = PdfToText(bytes, path);
        var raw = RawReader.Better(DisclosureReader.Read(rawText, name), RawReader.Read(rawText, name));
        var best = LayoutReader.Better(raw, layout);
        // The letters' positions are better evidence than either text: the geometry's reading stands unless
        // a text reading finds more forms (or, with as many, fills clearly more fields).
        if (geometry is not null)
        {
            best = geometry.Forms.Count >= best.Forms.Count ? geometry : LayoutReader.Better(best, geometry);
        }

        return failure is null ? best : best with { Diagnostics = [new Diagnostic(Severity.Info, 1, "pdf-geometry", failure), .. best.Diagnostics] };
    }

    private static bool IsZip(byte[] bytes) => bytes.Length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;

    private static bool IsPdf(byte[] bytes) => bytes.Length >= 5 && bytes[0] == '%' && bytes[1] == 'P' && bytes[2] == 'D' && bytes[3] == 'F' && bytes[4] == '-';

    /// <summary>UTF-8 (with or without BOM); GB18030 when the bytes are not UTF-8, as older exports are.</summary>
    public static string Decode(byte[] bytes)
    {
        try
        {
            var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
            var text = utf8.GetString(bytes);
            return text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
        }
        catch (DecoderFallbackException)
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding("GB18030").GetString(bytes);
        }
    }

    /// <summary>
    /// Runs <c>pdftotext -enc UTF-8</c> on a PDF and returns its text. The text goes to a file of its own (the
    /// exact bytes, nothing to drain while waiting); the messages are heard line by line, the first
    /// <see cref="PdfMessageLines"/> kept for the error.
    /// </summary>
    public static string PdfToText(byte[] pdf, string? path = null, bool layout = false)
    {
        string? temp = null;
        var input = path;
        if (input is null)
        {
            temp = Path.Combine(Path.GetTempPath(), $"jixiao-{Guid.NewGuid():N}.pdf");
            File.WriteAllBytes(temp, pdf);
            input = temp;
        }

        var output = Path.Combine(Path.GetTempPath(), $"jixiao-{Guid.NewGuid():N}.txt");
        try
        {
            var psi = new ProcessStartInfo("pdftotext")
            {
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            if (layout)
            {
                psi.ArgumentList.Add("-layout");
            }

            psi.ArgumentList.Add("-enc");
            psi.ArgumentList.Add("UTF-8");
            psi.ArgumentList.Add(input);
            psi.ArgumentList.Add(output);
            var messages = new List<string>();
            using var process = StartOrExplain(psi);
            process.ErrorDataReceived += (_, e) =>
            {
                lock (messages)
                {
                    if (e.Data is { } line && messages.Count < PdfMessageLines)
                    {
                        messages.Add(line);
                    }
                }
            };
            process.BeginErrorReadLine();
            if (!process.WaitForExit(PdfTimeout))
            {
                process.Kill(entireProcessTree: true);
                throw new UnreadableSourceException($"pdftotext 处理 {input} 超时。");
            }

            process.WaitForExit(); // the messages' last lines are heard only after this
            if (process.ExitCode != 0)
            {
                string said;
                lock (messages)
                {
                    said = string.Join('\n', messages).Trim();
                }

                throw new UnreadableSourceException($"pdftotext 无法读取 {input}：{said}");
            }

            return File.ReadAllText(output, Encoding.UTF8);
        }
        finally
        {
            if (temp is not null)
            {
                File.Delete(temp);
            }

            File.Delete(output);
        }
    }

    /// <summary>Lines of pdftotext's messages kept for an error (a damaged PDF can make it print thousands).</summary>
    private const int PdfMessageLines = 20;

    private static Process StartOrExplain(ProcessStartInfo psi)
    {
        try
        {
            return Process.Start(psi) ?? throw new UnreadableSourceException("无法启动 pdftotext。");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new UnreadableSourceException(
                "读取 PDF 需要 poppler 的 pdftotext，本机未安装。请安装 Debian 软件包 poppler-utils（sudo apt-get install poppler-utils）。", ex);
        }
    }
}
