namespace Jixiao.Web.Infrastructure;

/// <summary>
/// Chinese first, English second: the language comes from <c>?lang=en|zh</c> (remembered in a cookie) or
/// the cookie alone; the default is Chinese. Pages write both strings and <see cref="T"/> picks one.
/// </summary>
public sealed class Language(IHttpContextAccessor accessor)
{
    public const string Cookie = "jixiao-lang";

    public bool English => accessor.HttpContext is { } context && IsEnglish(context.Request);

    /// <summary>The language of <paramref name="request"/>: also what the output cache of the public pages keys by.</summary>
    public static bool IsEnglish(HttpRequest request)
    {
        var query = request.Query["lang"].ToString();
        if (query is "en" or "zh")
        {
            return query == "en";
        }

        return request.Cookies[Cookie] == "en";
    }

    public string T(string zh, string en) => English ? en : zh;

    /// <summary>Remembers an explicit <c>?lang=</c> choice.</summary>
    public static Task Remember(HttpContext context, Func<Task> next)
    {
        var query = context.Request.Query["lang"].ToString();
        if (query is "en" or "zh")
        {
            context.Response.Cookies.Append(Cookie, query, new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax, MaxAge = TimeSpan.FromDays(365), IsEssential = true });
        }

        return next();
    }
}
