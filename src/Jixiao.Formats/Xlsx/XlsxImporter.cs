using System.Xml;
using DocumentFormat.OpenXml.Packaging;
using Jixiao.Domain.Model;
using Jixiao.Formats.Sources;

namespace Jixiao.Formats.Xlsx;

/// <summary>
/// Reads an XLSX workbook into a disclosure document: every sheet that holds an indicator table is one
/// form (the official layout <see cref="XlsxExporter"/> writes, or the one-row-per-indicator template);
/// other sheets, such as a 汇总表, are skipped with an info diagnostic. Diagnostics carry the sheet row as
/// their line and name the cell in their message.
/// </summary>
public static class XlsxImporter
{
    /// <exception cref="UnreadableSourceException">when the bytes are not an XLSX package.</exception>
    public static DisclosureDocument Read(Stream input, string source) => Read(input, source, XlsxLimits.Default);

    /// <summary>As <see cref="Read(Stream, string)"/> under <paramref name="limits"/>: past one, a diagnostic and no forms.</summary>
    public static DisclosureDocument Read(Stream input, string source, XlsxLimits limits)
    {
        var forms = new List<PerformanceForm>();
        var diagnostics = new List<Diagnostic>();
        var monitoring = 0;
        try
        {
            using var seekable = input.CanSeek ? null : new MemoryStream();
            if (seekable is not null)
            {
                input.CopyTo(seekable);
                seekable.Position = 0;
            }

            limits.CheckParts(seekable ?? input);
            using var document = SpreadsheetDocument.Open(seekable ?? input, isEditable: false);
            foreach (var grid in SheetGrid.Load(document, limits, diagnostics))
            {
                if (MonitoringXlsx.IsMonitoring(grid))
                {
                    var (code, text) = XlsxMessages.MonitoringSheet(CellRefs.Quote(grid.Name));
                    diagnostics.Add(new Diagnostic(Severity.Info, 1, code, text));
                    monitoring++;
                    continue;
                }

                if (FormSheetReader.Read(grid, diagnostics) is { } form)
                {
                    forms.Add(form);
                }
            }
        }
        catch (XlsxLimitException limit)
        {
            diagnostics.Add(new Diagnostic(Severity.Error, 0, limit.Code, limit.Message));
            return new DisclosureDocument(source, [], diagnostics);
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or XmlException or FileFormatException or IOException or InvalidOperationException)
        {
            throw new UnreadableSourceException(XlsxMessages.Unreadable(source, ex.Message), ex);
        }

        if (forms.Count == 0 && monitoring == 0)
        {
            var (code, text) = XlsxMessages.NoForms();
            diagnostics.Add(new Diagnostic(Severity.Error, 0, code, text));
        }

        return new DisclosureDocument(source, forms, diagnostics);
    }

    public static DisclosureDocument Read(byte[] bytes, string source) => Read(bytes, source, XlsxLimits.Default);

    public static DisclosureDocument Read(byte[] bytes, string source, XlsxLimits limits)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        return Read(stream, source, limits);
    }
}
