using System.Diagnostics;
using System.Text;

namespace Jixiao.Tests.Zoo;

/// <summary>A tool the zoo needs failed, timed out, or is not installed.</summary>
public sealed class ZooToolException(string message) : Exception(message);

/// <summary>
/// The external programs of the zoo — Chromium, LibreOffice and pdftotext — found on PATH and run with a
/// timeout (the process tree is killed when it runs over).
/// </summary>
public static class ZooTools
{
    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    public static string? Chromium { get; } = OnPath("chromium") ?? OnPath("chromium-browser") ?? OnPath("google-chrome");

    public static string? Soffice { get; } = OnPath("soffice") ?? OnPath("libreoffice");

    public static string? PdfToText { get; } = OnPath("pdftotext");

    /// <summary>Whether LibreOffice has Writer (Debian's libreoffice-writer-nogui), which converts a DOCX.</summary>
    public static bool HasWriter { get; } = Soffice is not null
        && File.Exists(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(ResolveLink(Soffice)))!, "libswlo.so"));

    /// <summary>Null when a printing of <paramref name="producer"/> can be made and read; otherwise what is missing.</summary>
    public static string? Missing(ZooProducer producer)
    {
        var missing = new List<string>();
        if (PdfToText is null)
        {
            missing.Add("pdftotext (poppler-utils; scripts/test-setup.d/10-poppler.sh)");
        }

        if (producer == ZooProducer.Chromium && Chromium is null)
        {
            missing.Add("chromium (scripts/test-setup.d/20-chromium.sh)");
        }

        if (producer == ZooProducer.LibreOffice && Soffice is null)
        {
            missing.Add("soffice (libreoffice-calc-nogui; scripts/test-setup.d/30-libreoffice.sh)");
        }

        if (producer == ZooProducer.Writer && !HasWriter)
        {
            missing.Add("LibreOffice Writer (libreoffice-writer-nogui; scripts/test-setup.d/30-libreoffice.sh)");
        }

        return missing.Count == 0 ? null : "not installed: " + string.Join(", ", missing);
    }

    /// <summary>What <c>pdftotext -enc UTF-8</c> (with <c>-layout</c> or <c>-raw</c> when asked) makes of a PDF.</summary>
    public static string ExtractText(string pdf, bool layout, bool raw = false)
    {
        var args = new List<string>();
        if (layout)
        {
            args.Add("-layout");
        }

        if (raw)
        {
            args.Add("-raw");
        }

        args.AddRange(["-enc", "UTF-8", pdf, "-"]);
        return Run(PdfToText ?? throw new ZooToolException("pdftotext is not installed"), args);
    }

    /// <summary>
    /// Writes an office document (XLSX, DOCX) to <paramref name="document"/> and converts it to a PDF beside it
    /// with headless LibreOffice; returns the PDF's path. Each run has a profile of its own: concurrent conversions would
    /// otherwise share (and lock) one.
    /// </summary>
    public static string ConvertToPdf(string document, Action<Stream> write)
    {
        using (var file = File.Create(document))
        {
            write(file);
        }

        var folder = Path.GetDirectoryName(document)!;
        var soffice = Soffice ?? throw new ZooToolException("soffice is not installed");
        var name = Path.GetFileNameWithoutExtension(document);
        var pdf = Path.Combine(folder, name + ".pdf");
        var profile = Path.Combine(folder, "lo-" + name);
        try
        {
            Run(soffice,
            [
                "-env:UserInstallation=" + new Uri(profile).AbsoluteUri, "--headless", "--norestore",
                "--convert-to", "pdf", "--outdir", folder, document,
            ]);
        }
        finally
        {
            if (Directory.Exists(profile))
            {
                Directory.Delete(profile, recursive: true);
            }
        }

        return File.Exists(pdf) ? pdf : throw new ZooToolException($"soffice wrote no PDF for {name}");
    }

    /// <summary>Runs a tool, returns its standard output; throws <see cref="ZooToolException"/> on failure or timeout.</summary>
    public static string Run(string tool, IEnumerable<string> args, TimeSpan? timeout = null)
    {
        var psi = new ProcessStartInfo(tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using var process = Process.Start(psi) ?? throw new ZooToolException($"{tool} did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout ?? Timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            throw new ZooToolException($"{Path.GetFileName(tool)} timed out after {(timeout ?? Timeout).TotalSeconds:0} s: {string.Join(' ', psi.ArgumentList)}");
        }

        if (process.ExitCode != 0)
        {
            throw new ZooToolException($"{Path.GetFileName(tool)} exited with {process.ExitCode}: {stderr.Result.Trim()}");
        }

        return stdout.Result;
    }

    /// <summary>The file a symbolic link (such as <c>/usr/bin/soffice</c>) finally points to.</summary>
    private static string ResolveLink(string path) => File.ResolveLinkTarget(path, returnFinalTarget: true)?.FullName ?? path;

    private static string? OnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, tool)).FirstOrDefault(File.Exists);
}
