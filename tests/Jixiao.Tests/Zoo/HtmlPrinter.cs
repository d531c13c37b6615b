using System.Globalization;
using System.Net;
using System.Text;

namespace Jixiao.Tests.Zoo;

/// <summary>
/// Renders a laid-out printing as HTML of its own (fonts, widths, borders, a repeated <c>thead</c>) and
/// prints it to PDF with headless Chromium.
/// </summary>
public static class HtmlPrinter
{
    /// <summary>Writes <c>NAME.html</c> and <c>NAME.pdf</c> into <paramref name="folder"/>; returns the PDF's path.</summary>
    public static string Print(ZooDocument document, string folder)
    {
        var chromium = ZooTools.Chromium ?? throw new ZooToolException("chromium is not installed");
        var name = document.Printing.Name;
        var html = Path.Combine(folder, name + ".html");
        var pdf = Path.Combine(folder, name + ".pdf");
        File.WriteAllText(html, Html(document), new UTF8Encoding(false));
        var profile = Path.Combine(folder, "chromium-" + name);
        try
        {
            ZooTools.Run(chromium,
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", "--no-first-run",
                "--user-data-dir=" + profile, "--print-to-pdf=" + pdf, new Uri(html).AbsoluteUri,
            ]);
        }
        finally
        {
            if (Directory.Exists(profile))
            {
                Directory.Delete(profile, recursive: true);
            }
        }

        if (!File.Exists(pdf))
        {
            throw new ZooToolException($"chromium wrote no PDF for {name}");
        }

        return pdf;
    }

    public static string Html(ZooDocument document)
    {
        var p = document.Printing;
        var size = p.FontSize.ToString("0.#", CultureInfo.InvariantCulture);
        var border = !p.Borders ? "border: none;"
            : p.HorizontalRulesOnly ? "border: none; border-top: 0.75pt solid #000; border-bottom: 0.75pt solid #000;"
            : "border: 0.75pt solid #000;";
        var total = p.Widths.Sum();
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>").Append(Escape(p.Name)).Append("</title>\n<style>\n")
          .Append("@page { size: A4 ").Append(p.Landscape ? "landscape" : "portrait").Append("; margin: 12mm 10mm;")
          .Append(p.PageFooter ? $" @bottom-center {{ content: \"第 \" counter(page) \" 页，共 \" counter(pages) \" 页\"; font-family: \"{p.Font}\"; font-size: 9pt; }}" : "")
          .Append(" }\n")
          .Append("body { margin: 0; font-family: \"").Append(p.Font).Append("\"; font-size: ").Append(size).Append("pt; line-height: 1.35; }\n")
          .Append("table { width: 100%; border-collapse: collapse; table-layout: fixed; margin: 0 0 ").Append(p.Borders ? "0" : "4pt").Append(" 0; }\n")
          .Append("td, th { ").Append(border).Append(" padding: 2pt 3pt; vertical-align: middle; overflow-wrap: anywhere; }\n")
          .Append("th { font-weight: bold; text-align: center;")
          .Append(p.LabelShading ? " background: #e4e4e4; print-color-adjust: exact; -webkit-print-color-adjust: exact;" : "").Append(" }\n")
          .Append("td.num { text-align: right; white-space: nowrap; }\n")
          .Append(".heading { text-align: center; margin: 4pt 0; }\n")
          .Append(".break { break-before: page; }\n")
          .Append("</style></head><body>\n");
        foreach (var block in document.Blocks)
        {
            switch (block)
            {
                case ZooHeading h:
                    sb.Append("<div class=\"heading\" style=\"font-size: ")
                      .Append((p.FontSize * h.Scale).ToString("0.#", CultureInfo.InvariantCulture)).Append("pt;")
                      .Append(h.Bold ? " font-weight: bold;" : "").Append("\">").Append(Escape(h.Text)).Append("</div>\n");
                    break;
                case ZooPageBreak:
                    sb.Append("<div class=\"break\"></div>\n");
                    break;
                case ZooTableBlock t:
                    Table(sb, p, t.Table, total);
                    break;
            }
        }

        sb.Append("</body></html>\n");
        return sb.ToString();
    }

    private static void Table(StringBuilder sb, ZooPrinting p, ZooTable table, double total)
    {
        sb.Append("<table><colgroup>");
        foreach (var w in p.Widths)
        {
            sb.Append("<col style=\"width: ").Append((100 * w / total).ToString("0.##", CultureInfo.InvariantCulture)).Append("%\">");
        }

        sb.Append("</colgroup>\n");
        var thead = p.RepeatHeader && table.HeaderRows > 0;
        sb.Append(thead ? "<thead>\n" : "<tbody>\n");
        for (var r = 0; r < table.Rows.Count; r++)
        {
            if (thead && r == table.HeaderRows)
            {
                sb.Append("</thead><tbody>\n");
            }

            sb.Append("<tr>");
            foreach (var c in table.Rows[r])
            {
                var tag = c.Kind == ZooCellKind.Label ? "th" : "td";
                sb.Append('<').Append(tag);
                if (c.Columns > 1)
                {
                    sb.Append(" colspan=\"").Append(c.Columns).Append('"');
                }

                if (c.Rows > 1)
                {
                    sb.Append(" rowspan=\"").Append(c.Rows).Append('"');
                }

                if (c.Kind == ZooCellKind.Number)
                {
                    sb.Append(" class=\"num\"");
                }

                sb.Append('>').Append(Escape(c.Text).Replace("\n", "<br>", StringComparison.Ordinal)).Append("</").Append(tag).Append('>');
            }

            sb.Append("</tr>\n");
        }

        sb.Append("</tbody></table>\n");
    }

    private static string Escape(string s) => WebUtility.HtmlEncode(s);
}
