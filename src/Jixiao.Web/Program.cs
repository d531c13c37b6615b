using Jixiao.Web;
using Jixiao.Web.Api;
using Jixiao.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = Jixiao.Web.Pages.ImportModel.MaxBytes + 1024 * 1024);
if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_URLS")))
{
    builder.WebHost.UseUrls("http://localhost:5080");
}

builder.Services.AddRazorPages();
builder.Services.AddHttpContextAccessor();
builder.Services.AddScoped<Language>();
builder.Services.AddOpenApi();
builder.Services.AddJixiaoData(builder.Configuration, builder.Environment);

var app = builder.Build();

// Open (create, upgrade, seed on first start) the database before serving, so problems show at start-up.
app.Services.GetRequiredService<Jixiao.Web.Data.IReadModel>();
app.Use(SecurityHeaders.Apply);
app.Use(Language.Remember);
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error");
}

app.UseStaticFiles();
app.UseRouting();
app.UseAntiforgery();
app.MapOpenApi();
app.UseSwaggerUI(o =>
{
    o.SwaggerEndpoint("/openapi/v1.json", "Jixiao API v1");
    o.DocumentTitle = "Jixiao API";
});
app.MapGet("/healthz", () => Results.Ok(new { status = "ok" })).ExcludeFromDescription();
app.MapJixiaoApi();
app.MapJixiaoExports();
app.MapRazorPages();
app.Run();

/// <summary>The web host's entry point (public for WebApplicationFactory in tests).</summary>
public partial class Program;
