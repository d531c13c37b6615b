using Jixiao.Domain.Model;
using Jixiao.Formats.Sources;
using Jixiao.Web.Accounts;
using Jixiao.Web.Data;
using Jixiao.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jixiao.Web.Pages;

/// <summary>
/// Upload → preview with diagnostics → confirm. The upload waits in a private temp folder between the two.
/// Anyone may preview; confirming (storing) needs a signed-in 财政审核 or 管理员, and is audited under their name.
/// </summary>
[RequestSizeLimit(MaxBytes + 64 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxBytes + 64 * 1024)]
public sealed class ImportModel(IImporter importer, Language language) : PageModel
{
    public const long MaxBytes = 20 * 1024 * 1024;
    private static readonly string[] Allowed = [".txt", ".pdf", ".json"];
    private static readonly string Pending = Path.Combine(Path.GetTempPath(), "jixiao-uploads");

    public DisclosureDocument? Preview { get; private set; }
    public IReadOnlyList<Jixiao.Domain.Checks.Finding> PreviewFindings { get; private set; } = [];
    public string? Token { get; private set; }
    public string? Error { get; private set; }
    public ImportOutcome? Outcome { get; private set; }

    /// <summary>Whether the current user may store what they preview.</summary>
    public bool CanImport => Roles.CanImport(User);

    public void OnGet()
    {
    }

    public IActionResult OnPostPreview(IFormFile? upload)
    {
        if (upload is null || upload.Length == 0)
        {
            return Fail(language.T("请选择一个文件。", "Choose a file."));
        }

        var ext = Path.GetExtension(upload.FileName).ToLowerInvariant();
        if (!Allowed.Contains(ext))
        {
            return Fail(language.T($"不支持 {ext} 文件，只能导入 .txt、.pdf、.json。", $"{ext} files are not supported; use .txt, .pdf or .json."));
        }

        if (upload.Length > MaxBytes)
        {
            return Fail(language.T($"文件过大（{upload.Length / 1024 / 1024} MB），上限 {MaxBytes / 1024 / 1024} MB。", $"File too large ({upload.Length / 1024 / 1024} MB); the limit is {MaxBytes / 1024 / 1024} MB."));
        }

        using var ms = new MemoryStream();
        upload.CopyTo(ms);
        var bytes = ms.ToArray();
        var name = Path.GetFileName(upload.FileName);
        try
        {
            Preview = importer.Preview(bytes, name);
            PreviewFindings = Jixiao.Domain.Checks.Checker.Check([Preview]);
        }
        catch (UnreadableSourceException ex)
        {
            return Fail(ex.Message);
        }

        Directory.CreateDirectory(Pending);
        Token = Guid.NewGuid().ToString("N");
        System.IO.File.WriteAllBytes(Path.Combine(Pending, Token), bytes);
        System.IO.File.WriteAllText(Path.Combine(Pending, Token + ".name"), name);
        return Page();
    }

    public IActionResult OnPostConfirm(string token)
    {
        if (User.Identity?.IsAuthenticated != true)
        {
            return Challenge();
        }

        if (!CanImport)
        {
            return Forbid();
        }

        if (token.Length != 32 || !token.All(char.IsAsciiHexDigit) || !System.IO.File.Exists(Path.Combine(Pending, token)))
        {
            return Fail(language.T("预览已过期，请重新上传。", "The preview has expired; upload again."));
        }

        var path = Path.Combine(Pending, token);
        var name = System.IO.File.ReadAllText(path + ".name");
        try
        {
            Outcome = importer.Import(System.IO.File.ReadAllBytes(path), name, User.Identity.Name!);
        }
        catch (UnreadableSourceException ex)
        {
            return Fail(ex.Message);
        }
        finally
        {
            System.IO.File.Delete(path);
            System.IO.File.Delete(path + ".name");
        }

        return Page();
    }

    private PageResult Fail(string message)
    {
        Error = message;
        return Page();
    }
}
