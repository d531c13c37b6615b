using System.Xml;
using DocumentFormat.OpenXml.Packaging;
using Jixiao.Domain.Model;
using Jixiao.Domain.Monitoring;
using Jixiao.Formats.Json;
using Jixiao.Formats.Sources;

namespace Jixiao.Formats.Xlsx;

/// <summary>
/// Monitoring forms (monitoring.md) as XLSX: written in the layout of the 项目支出绩效目标执行监控表 (one sheet
/// per form) or as the one-row-per-indicator import template, and read back from either. Reading is strict,
/// as for the JSON: every value that cannot be used is a problem naming its field and cell, and nothing is read.
/// </summary>
public static class MonitoringXlsx
{
    /// <summary>One sheet per form in the official layout.</summary>
    /// <exception cref="ArgumentException">when there is no form to write.</exception>
    public static void Write(Stream output, IEnumerable<MonitoringForm> forms)
    {
        var names = new SheetNames();
        var sheets = forms.Select(f => MonitoringSheet.Build(f, names.Unique(f.Name))).ToList();
        if (sheets.Count == 0)
        {
            throw new ArgumentException("没有执行监控表可写出", nameof(forms));
        }

        WorkbookWriter.Write(output, sheets);
    }

    /// <summary>The import template, blank or filled in with <paramref name="form"/>.</summary>
    public static void WriteTemplate(Stream output, MonitoringForm? form = null) =>
        WorkbookWriter.Write(output, [MonitoringTemplateSheet.Build(form, new SheetNames().Unique(form?.Name ?? MonitoringLabels.Title))]);

    /// <summary>Whether a sheet of the workbook is a monitoring form (other sheets are left to <see cref="XlsxImporter"/>).</summary>
    internal static bool IsMonitoring(SheetGrid grid) => MonitoringSheetReader.IsMonitoring(grid);

    /// <summary>Whether the bytes are a workbook with at least one monitoring sheet; false for anything else, never an exception.</summary>
    public static bool HasMonitoringSheets(byte[] bytes)
    {
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            XlsxLimits.Default.CheckParts(stream);
            using var document = SpreadsheetDocument.Open(stream, isEditable: false);
            return SheetGrid.Load(document).Any(MonitoringSheetReader.IsMonitoring);
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or XmlException or FileFormatException or IOException
            or InvalidOperationException or XlsxLimitException)
        {
            return false;
        }
    }

    /// <summary>
    /// The monitoring forms of a workbook, one per sheet that is one; other sheets are skipped with an info
    /// diagnostic. Throws <see cref="MonitoringInputException"/> with every problem when a form is not valid.
    /// </summary>
    /// <exception cref="UnreadableSourceException">when the bytes are not an XLSX package.</exception>
    public static MonitoringDocument Read(Stream input, string source, MonitoringPolicy? policy = null)
    {
        policy ??= MonitoringPolicy.Default;
        var forms = new List<MonitoringForm>();
        var diagnostics = new List<Diagnostic>();
        var problems = new List<InputProblem>();
        try
        {
            using var seekable = input.CanSeek ? null : new MemoryStream();
            if (seekable is not null)
            {
                input.CopyTo(seekable);
                seekable.Position = 0;
            }

            XlsxLimits.Default.CheckParts(seekable ?? input);
            using var document = SpreadsheetDocument.Open(seekable ?? input, isEditable: false);
            foreach (var grid in SheetGrid.Load(document, XlsxLimits.Default, diagnostics))
            {
                if (!MonitoringSheetReader.IsMonitoring(grid))
                {
                    var (code, text) = XlsxMessages.NotMonitoring(CellRefs.Quote(grid.Name));
                    diagnostics.Add(new Diagnostic(Severity.Info, 1, code, text));
                    continue;
                }

                var prefix = $"{CellRefs.Quote(grid.Name)}.";
                var before = problems.Count;
                if (MonitoringSheetReader.Read(grid, problems, prefix) is { } form)
                {
                    if (problems.Count == before)
                    {
                        problems.AddRange(MonitoringValidation.Problems(form, policy).Select(p => p with { Field = prefix + p.Field }));
                    }

                    forms.Add(form);
                }
            }
        }
        catch (XlsxLimitException limit)
        {
            problems.Add(new InputProblem("", limit.Message));
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or XmlException or FileFormatException or IOException or InvalidOperationException)
        {
            throw new UnreadableSourceException(XlsxMessages.Unreadable(source, ex.Message), ex);
        }

        if (forms.Count == 0 && problems.Count == 0)
        {
            problems.Add(new InputProblem("", XlsxMessages.NoMonitoringForms().Text));
        }

        if (problems.Count > 0)
        {
            throw new MonitoringInputException(source, problems);
        }

        return new MonitoringDocument(source, forms, diagnostics);
    }

    public static MonitoringDocument Read(byte[] bytes, string source, MonitoringPolicy? policy = null)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        return Read(stream, source, policy);
    }
}
