using System.Diagnostics;
using System.Text;
using Jixiao.Formats.Xlsx;
using Jixiao.Tests.Support;

namespace Jixiao.Tests.Exchange;

/// <summary>
/// Prints exported workbooks the way a user would, through LibreOffice, and reads the PDF back with
/// pdftotext. Skipped, visibly, when either tool is missing; scripts/test-setup.d installs them.
/// </summary>
public sealed class LibreOfficePrintTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("jixiao-print-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private const string LibreOffice = "soffice|libreoffice";
    private const string PdfToText = "pdftotext";

    [ToolFact(LibreOffice, PdfToText)]
    public void Every_seed_form_prints_to_pdf_with_its_project_name_goal_and_every_indicator_name()
    {
        var soffice = Tools.Find(LibreOffice)!;

        var forms = Seeds.All.SelectMany(f => Seeds.Read(f).Forms).ToList();
        var xlsx = Path.Combine(_folder, "seeds.xlsx");
        using (var file = File.Create(xlsx))
        {
            XlsxExporter.Write(file, forms);
        }

        // A private profile: no clash with a LibreOffice the user has open, nothing left in $HOME.
        var profile = new Uri(Path.Combine(_folder, "profile")).AbsoluteUri;
        Run(soffice, $"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf", "--outdir", _folder, xlsx);
        var pdf = Path.Combine(_folder, "seeds.pdf");
        Assert.True(File.Exists(pdf), "LibreOffice wrote no PDF");
        var pdftotext = Tools.Find(PdfToText)!;

        // -raw keeps each cell's wrapped lines together; white space is not meaningful (the spec's rule).
        var text = Squash(Run(pdftotext, "-raw", "-enc", "UTF-8", pdf, "-"));
        foreach (var form in forms)
        {
            Assert.Contains(Squash(form.Name), text);
            Assert.Contains(Squash(form.Goal), text);
            Assert.All(form.Indicators, i => Assert.Contains(Squash(i.Name), text));
        }

        Assert.DoesNotContain("###", text); // no number too wide for its column, none leaking from the hidden one
    }

    private static string Squash(string s) => string.Concat(s.Where(c => !char.IsWhiteSpace(c)));

    private static string Run(string tool, params string[] args)
    {
        var psi = new ProcessStartInfo(tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{tool} did not finish");
        }

        Assert.True(process.ExitCode == 0, $"{tool} exited {process.ExitCode}: {stderr.Result}");
        return stdout.Result;
    }
}
