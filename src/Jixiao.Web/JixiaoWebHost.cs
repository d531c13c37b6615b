using Jixiao.Web.Accounts;
using Jixiao.Web.Api;
using Jixiao.Web.Data;
using Jixiao.Web.Infrastructure;
using Jixiao.Web.Printing;

namespace Jixiao.Web;

/// <summary>Builds the web application; used by the web project's own entry point and by <c>jixiao serve</c>.</summary>
public static class JixiaoWebHost
{
    public const string DefaultUrls = "http://localhost:5080";

    public static WebApplication Build(string[] args, WebApplicationOptions? options = null)
    {
        var builder = options is null ? WebApplication.CreateBuilder(args) : WebApplication.CreateBuilder(options);
        builder.AddJixiaoOperations();
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_URLS")))
        {
            builder.WebHost.UseUrls(DefaultUrls);
        }

        builder.Services.AddRazorPages().AddApplicationPart(typeof(JixiaoWebHost).Assembly);

        // Chinese text is written as text, not as &#x...; entities (markup characters are still encoded).
        builder.Services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<Language>();
        builder.Services.AddOpenApi();
        builder.Services.AddJixiaoApiContract();
        builder.Services.AddJixiaoData(builder.Configuration, builder.Environment);
        builder.Services.AddJixiaoAccounts(builder.Configuration);
        builder.Services.AddJixiaoAbuseLimits(builder.Configuration);
        builder.Services.AddJixiaoPendingUploads(builder.Configuration, builder.Environment);
        PublicPages.AddPublicPages(builder.Services);
        builder.Services.AddJixiaoPrinting(builder.Configuration);

        // The drafts API takes the antiforgery token in a header (pages keep the hidden form field).
        builder.Services.AddAntiforgery(o => o.HeaderName = DraftEndpoints.CsrfHeader);

        builder.Services.AddHostedService<Accounts.AccountsSetup>();

        var app = builder.Build();
        app.UseJixiaoOperations();

        // Open (create, upgrade, seed on first start) the database before serving, so problems show at start-up.
        app.Services.GetRequiredService<Data.IReadModel>();
        app.Use(SecurityHeaders.Apply);
        app.Use(Language.Remember);
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error");
        }

        app.UseJixiaoApiContract();

        app.UseStaticFiles();
        app.UseRouting();
        app.UseJixiaoAbuseLimits();
        app.UseAuthentication();
        app.UseAuthorization();

        // After authentication (the policy serves anonymous requests only) and after the security headers and
        // the language cookie above, which a response from the cache gets as any other; see PublicPages.
        app.UseOutputCache();
        app.UseAntiforgery();
        app.MapOpenApi();
        app.UseSwaggerUI(o =>
        {
            o.SwaggerEndpoint("/openapi/v1.json", "Jixiao API v1");
            o.DocumentTitle = "Jixiao API";
        });
        app.MapGet("/healthz", () => Results.Ok(new { status = "ok" })).ExcludeFromDescription();
        app.MapJixiaoApi();
        app.MapJixiaoDrafts();
        app.MapJixiaoMonitoring();
        app.MapJixiaoExports();
        app.MapRazorPages();
        return app;
    }
}
