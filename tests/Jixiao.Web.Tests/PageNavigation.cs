using Microsoft.Playwright;

namespace Jixiao.Web.Tests;

/// <summary>Steps that leave the page: a form post or a link, where the test must read the next document, not the one it left.</summary>
internal static class PageNavigation
{
    /// <summary>
    /// Clicks <paramref name="selector"/> and returns once the document it leads to has loaded. Waiting for a
    /// selector alone is not enough: the page being left may hold the same element (a save after a row
    /// operation shows 已保存 already), and <c>WaitForLoadState</c> is satisfied by the old document.
    /// </summary>
    public static async Task ClickAndLoadAsync(this IPage page, string selector)
    {
        await page.EvaluateAsync("() => { window.__jixiaoLeft = true; }");
        await page.ClickAsync(selector);
        await page.WaitForFunctionAsync("() => window.__jixiaoLeft !== true && document.readyState === 'complete'");
    }
}
