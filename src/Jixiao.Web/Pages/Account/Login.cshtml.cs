using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Jixiao.Web.Accounts;
using Jixiao.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Jixiao.Web.Pages.Account;

/// <summary>
/// Sign-in. Attempts are limited per client IP (the <see cref="AbuseLimits.Login"/> policy) and failures per
/// account name (<see cref="LoginAttempts"/>): past either, 429 with Retry-After.
/// </summary>
[EnableRateLimiting(AbuseLimits.Login)]
public sealed class LoginModel(SignInManager<JixiaoUser> signIn, LoginAttempts attempts, Language language) : PageModel
{
    [BindProperty]
    [Required]
    public string UserName { get; set; } = "";

    [BindProperty]
    [Required]
    [DataType(DataType.Password)]
    public string Password { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public bool Failed { get; private set; }

    public bool LockedOut { get; private set; }

    /// <summary>Set when the account has used its failed attempts for now: the message to show.</summary>
    public string? TooMany { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (ModelState.IsValid)
        {
            var name = UserName.Trim();
            if (!attempts.Allowed(name))
            {
                var seconds = (int)Math.Ceiling(attempts.Window.TotalSeconds);
                Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                TooMany = language.T($"该账户登录失败次数过多，请 {seconds} 秒后再试。", $"Too many failed sign-ins for this account; try again in {seconds} seconds.");
                Failed = true;
                var page = Page();
                page.StatusCode = StatusCodes.Status429TooManyRequests;
                return page;
            }

            var result = await signIn.PasswordSignInAsync(name, Password, isPersistent: false, lockoutOnFailure: true);
            if (result.Succeeded)
            {
                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
            }

            attempts.Failed(name);
            LockedOut = result.IsLockedOut;
        }

        Failed = true;
        return Page();
    }
}
