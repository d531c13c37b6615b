using Jixiao.Web.Accounts;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Net.Http.Headers;

namespace Jixiao.Web.Infrastructure;

/// <summary>
/// The output cache of the pages that are the same for every anonymous visitor — a published form
/// (<c>/forms/{id}</c>, <c>/api/v1/forms/{id}</c>), the dashboard <c>/</c>, a unit <c>/units/{id}</c> — which the
/// public reads thousands of times and which change only when an import replaces data: rendering them once and
/// serving the bytes from memory takes the page off the two shared cores.
/// </summary>
/// <remarks>
/// <para>The rule:</para>
/// <list type="bullet">
/// <item><description>What: GET and HEAD of the endpoints carrying <see cref="PolicyName"/>, answered 200 without a
/// cookie and without <c>Cache-Control: no-store/private</c> (an antiforgery token, for one, sets both).</description></item>
/// <item><description>For whom: anonymous requests only. A request that is signed in, carries an
/// <c>Authorization</c> header or merely carries the sign-in cookie (even one that no longer signs anyone in)
/// neither reads nor fills the cache: signed-in users see their name, and a 填报人 a 开始自评 form with an
/// antiforgery token.</description></item>
/// <item><description>Keyed by: path, every query value, the language the page is written in (<c>?lang=</c> or
/// the <see cref="Language.Cookie"/> cookie, as <see cref="Language.IsEnglish"/> decides), and
/// <see cref="Generation"/>.</description></item>
/// <item><description>Evicted: by <see cref="Evict"/>, which <see cref="Data.StoreImporter"/> calls after every
/// import through this web app (upload, API, a published draft), whatever its outcome: even an unchanged file
/// adds a line to the form page's 处理记录. A page rendered from the old data but stored after the eviction is
/// keyed by the old generation, so no later request finds it.</description></item>
/// <item><description>Max staleness: <see cref="MaxAge"/> (60 s, as <see cref="Data.ReadCache.MaxAge"/>). An
/// import by another process (the CLI) is not seen by this process's eviction; rather than reading the import
/// watermark (a query) on every request, which would give back part of what the cache saves, an entry simply
/// expires after <see cref="MaxAge"/>. The dashboard's figures behind it come from <see cref="Data.ReadCache"/>
/// and can be stale by its own rule on top of that.</description></item>
/// </list>
/// <para>
/// <c>UseOutputCache</c> runs after authentication (so the user is known) and after the middleware setting the
/// security headers and the language cookie, so a response served from the cache gets them as any other.
/// </para>
/// </remarks>
public sealed class PublicPages(IOutputCacheStore store)
{
    /// <summary>The output cache policy of the public pages (<c>[OutputCache(PolicyName = …)]</c>, <c>CacheOutput(…)</c>).</summary>
    public const string PolicyName = "public-pages";

    /// <summary>The tag of every entry, evicted on an import.</summary>
    public const string Tag = "forms";

    /// <summary>How long an entry is served at most: the bound on what a CLI import leaves stale.</summary>
    public static readonly TimeSpan MaxAge = Data.ReadCache.MaxAge;

    private long _generation;

    /// <summary>Bumped by each <see cref="Evict"/>; part of every key.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    /// <summary>
    /// Call after this process imported: no request after it gets a page rendered before, as the generation is
    /// part of every key. The old entries are then dropped from memory in the background: nothing waits for it,
    /// and a failure to drop them only leaves them until <see cref="MaxAge"/>.
    /// </summary>
    public void Evict()
    {
        Interlocked.Increment(ref _generation);
        _ = Drop(store.EvictByTagAsync(Tag, CancellationToken.None));

        static async Task Drop(ValueTask eviction)
        {
            try
            {
                await eviction;
            }
            catch (Exception)
            {
                // Only memory: the entries expire after MaxAge, and no key of the new generation finds them.
            }
        }
    }

    /// <summary>Registers the output cache with the public pages' policy.</summary>
    public static IServiceCollection AddPublicPages(IServiceCollection services)
    {
        services.AddOutputCache(o => o.AddPolicy(PolicyName, new Policy()));
        services.AddSingleton<PublicPages>();
        return services;
    }

    /// <summary>The policy of the remarks above; stateless, the generation comes from the request's services.</summary>
    private sealed class Policy : IOutputCachePolicy
    {
        public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            var http = context.HttpContext;
            var request = http.Request;
            var anonymous = (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
                && http.User.Identity?.IsAuthenticated != true
                && string.IsNullOrEmpty(request.Headers.Authorization)
                && !request.Cookies.ContainsKey(AccountServices.AuthCookie);
            context.EnableOutputCaching = true;
            context.AllowCacheLookup = anonymous;
            context.AllowCacheStorage = anonymous;
            context.AllowLocking = true; // concurrent misses of one page render it once
            context.ResponseExpirationTimeSpan = MaxAge;
            context.Tags.Add(Tag);
            context.CacheVaryByRules.QueryKeys = "*";
            context.CacheVaryByRules.VaryByValues["lang"] = Language.IsEnglish(request) ? "en" : "zh";
            context.CacheVaryByRules.VaryByValues["generation"] = http.RequestServices.GetRequiredService<PublicPages>().Generation
                .ToString(System.Globalization.CultureInfo.InvariantCulture);
            return ValueTask.CompletedTask;
        }

        public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

        public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            var response = context.HttpContext.Response;
            if (response.StatusCode != StatusCodes.Status200OK
                || !string.IsNullOrEmpty(response.Headers.SetCookie)
                || CacheControlHeaderValue.TryParse(response.Headers.CacheControl.ToString(), out var control) && (control.NoStore || control.Private)
                || context.HttpContext.User.Identity?.IsAuthenticated == true)
            {
                context.AllowCacheStorage = false;
            }

            return ValueTask.CompletedTask;
        }
    }
}
