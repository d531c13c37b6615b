using Jixiao.Domain.Model;
using Jixiao.Domain.Reports;

namespace Jixiao.Formats.Xlsx;

/// <summary>
/// Writes forms as XLSX laid out like the official 申报表 and 自评表 (A4 portrait, fitted to the page
/// width, with print areas), one sheet per form, optionally preceded by each unit's 汇总表. Any stream
/// will do, an HTTP response included. <see cref="XlsxImporter"/> reads these files back.
/// </summary>
public static class XlsxExporter
{
    /// <summary>The MIME type of an XLSX file, for downloads.</summary>
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>One form on one sheet.</summary>
    public static void WriteForm(Stream output, PerformanceForm form) => Write(output, [form]);

    /// <summary>A unit's forms: its 汇总表 first (one per 实施单位 and year), then one sheet per form.</summary>
    public static void WriteUnit(Stream output, IEnumerable<PerformanceForm> forms) => Write(output, forms, summary: true);

    /// <summary>One sheet per form, in order; with <paramref name="summary"/>, each unit's 汇总表 before them.</summary>
    /// <exception cref="ArgumentException">when there is no form to write.</exception>
    public static void Write(Stream output, IEnumerable<PerformanceForm> forms, bool summary = false)
    {
        var list = forms.ToList();
        var names = new SheetNames();
        var sheets = new List<SheetBuilder>();
        if (summary)
        {
            sheets.AddRange(UnitSummary.Of(list).Select(u => SummarySheet.Build(u, names.Unique($"汇总表 {u.Unit}"))));
        }

        sheets.AddRange(list.Select(f => FormSheet.Build(f, names.Unique(f.Name))));
        WorkbookWriter.Write(output, sheets);
    }

    /// <summary>The one-row-per-indicator import template, blank or filled in with <paramref name="form"/>.</summary>
    public static void WriteTemplate(Stream output, FormKind kind, PerformanceForm? form = null) =>
        WorkbookWriter.Write(output, [TemplateSheet.Build(kind, form, new SheetNames().Unique(form?.Name ?? SheetLabels.TitleOf(kind)))]);
}
