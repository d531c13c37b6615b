using Jixiao.Domain.Model;
using Jixiao.Formats.Sources;
using Jixiao.Web.Accounts;
using Jixiao.Web.Data;
using Jixiao.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Jixiao.Web.Pages;

/// <summary>
/// Upload → preview with diagnostics → confirm or cancel. Anyone may preview; only a signed-in 财政审核 or
/// 管理员, who may store it, has the upload kept between the two (in <see cref="PendingUploads"/>' private
/// folder, under a random token); confirming is audited under their name. Uploads are limited in size
/// (<c>Jixiao:Upload:MaxBytes</c>, see <see cref="AbuseLimits"/>) and in rate per client IP.
/// </summary>
[EnableRateLimiting(AbuseLimits.ImportPreview)]
public sealed class ImportModel(IImporter importer, Language language, PendingUploads pending, IConfiguration configuration) : PageModel
{
    /// <summary>The default largest upload (<see cref="AbuseLimits.DefaultUploadBytes"/>); the API's import still checks against it.</summary>
    public const long MaxBytes = AbuseLimits.DefaultUploadBytes;
    private static readonly string[] Allowed = [".txt", ".pdf", ".json"];

    public DisclosureDocument? Preview { get; private set; }
    public IReadOnlyList<Jixiao.Domain.Checks.Finding> PreviewFindings { get; private set; } = [];
    public string? Token { get; private set; }
    public string? Error { get; private set; }
    public string? Notice { get; private set; }
    public ImportSummary? Outcome { get; private set; }

    /// <summary>The largest upload accepted, in bytes.</summary>
    public long Limit => AbuseLimits.UploadBytes(configuration);

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

        if (upload.Length > Limit)
        {
            return Fail(language.T($"文件过大（{upload.Length / 1024 / 1024} MB），上限 {Limit / 1024 / 1024} MB。", $"File too large ({upload.Length / 1024 / 1024} MB); the limit is {Limit / 1024 / 1024} MB."), StatusCodes.Status413PayloadTooLarge);
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

        // Kept only for whoever may confirm it: an anonymous preview leaves nothing behind.
        Token = CanImport && Preview.Forms.Count > 0 ? pending.Keep(bytes, name) : null;
        return Page();
    }

    public IActionResult OnPostConfirm(string? token)
    {
        if (User.Identity?.IsAuthenticated != true)
        {
            return Challenge();
        }

        if (!CanImport)
        {
            return Forbid();
        }

        if (string.IsNullOrWhiteSpace(token))
        {
            return Fail(language.T("缺少预览令牌，请重新上传。", "The preview token is missing; upload again."), StatusCodes.Status400BadRequest);
        }

        if (pending.Take(token) is not { } upload)
        {
            return Fail(language.T("预览已过期或已处理，请重新上传。", "The preview has expired or was already handled; upload again."), StatusCodes.Status400BadRequest);
        }

        try
        {
            Outcome = importer.Import(upload.Content, upload.FileName, User.Identity.Name!);
        }
        catch (UnreadableSourceException ex)
        {
            return Fail(ex.Message);
        }

        return Page();
    }

    public IActionResult OnPostCancel(string? token)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            return Fail(language.T("缺少预览令牌。", "The preview token is missing."), StatusCodes.Status400BadRequest);
        }

        Notice = pending.Cancel(token)
            ? language.T("已取消，上传的文件已删除。", "Cancelled; the upload was deleted.")
            : language.T("预览已过期或已处理。", "The preview has expired or was already handled.");
        return Page();
    }

    private PageResult Fail(string message, int status = StatusCodes.Status200OK)
    {
        Error = message;
        var page = Page();
        page.StatusCode = status;
        return page;
    }
}
