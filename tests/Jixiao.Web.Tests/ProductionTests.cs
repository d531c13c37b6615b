using System.Net;
using Jixiao.Web.Accounts;
using Jixiao.Web.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jixiao.Web.Tests;

/// <summary>The web app as a production start leaves it: Production environment, no demo, a fresh empty database.</summary>
public sealed class ProductionFixture : WebApplicationFactory<Program>
{
    public string Database { get; } = Path.Combine(Path.GetTempPath(), $"jixiao-prod-{Guid.NewGuid():N}.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Jixiao:Db", $"Data Source={Database}");
        builder.UseSetting("Jixiao:WarmUp", "false");
        builder.UseEnvironment("Production");
        WebFixture.RelaxLimits(builder);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        foreach (var file in new[] { Database, Database + "-wal", Database + "-shm" })
        {
            File.Delete(file);
        }
    }
}

/// <summary>A production start creates nothing silently: no demo users (whose password the README prints), no demo data; the first administrator comes from `jixiao users add`.</summary>
public sealed class ProductionTests(ProductionFixture web) : IClassFixture<ProductionFixture>
{
    private HttpClient Client() => web.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    private async Task<HttpResponseMessage> Login(HttpClient client, string user, string password)
    {
        var token = await AccountTests.Token(client, "/account/login");
        return await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = user,
            ["Password"] = password,
            ["__RequestVerificationToken"] = token,
        }));
    }

    [Fact]
    public async Task A_production_start_on_an_empty_database_has_no_user_no_demo_data_and_no_demo_login()
    {
        using var client = Client();

        using (var scope = web.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<JixiaoUser>>();
            Assert.False(await users.Users.AnyAsync(u => u.UserName == "admin" || u.UserName == "finance@财政局"));
            Assert.DoesNotContain(await users.Users.Select(u => u.UserName).ToListAsync(), n => DemoUsers.All.Any(d => d.UserName == n));
        }

        Assert.Empty(web.Services.GetRequiredService<IReadModel>().Forms(new Scope()));
        var login = await Login(client, "admin", DemoUsers.Password);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode); // the login page again, with its error
        Assert.Contains("用户名或密码不正确", WebUtility.HtmlDecode(await login.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var audit = await client.GetAsync("/admin/audit");
        Assert.Equal(HttpStatusCode.Redirect, audit.StatusCode);
        Assert.StartsWith("/account/login", audit.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Users_add_creates_an_administrator_who_signs_in_and_the_change_is_audited()
    {
        const string password = "Erst3r#Verwalter";
        var db = $"Data Source={web.Database}";
        _ = web.Services; // started: the schema exists

        var weak = Cli.RunWithInput("short", "users", "add", "erste-admin", "--role", Roles.Admin, "--db", db);
        Assert.Equal(3, weak.Exit);
        Assert.Contains("at least", weak.Stderr, StringComparison.Ordinal); // Identity's password rules
        var added = Cli.RunWithInput(password, "users", "add", "erste-admin", "--role", Roles.Admin, "--db", db);
        Assert.True(added.Exit == 0, added.Stderr);
        Assert.DoesNotContain(password, added.Stdout, StringComparison.Ordinal);

        using var client = Client();
        var login = await Login(client, "erste-admin", password);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var audit = WebUtility.HtmlDecode(await client.GetStringAsync("/admin/audit?action=account:create"));
        Assert.Contains("erste-admin", audit, StringComparison.Ordinal);
        Assert.Contains("cli:" + Environment.UserName, audit, StringComparison.Ordinal);

        var locked = Cli.RunWithInput(null, "users", "lock", "erste-admin", "--db", db);
        Assert.True(locked.Exit == 0, locked.Stderr);
        using var again = Client();
        Assert.Equal(HttpStatusCode.OK, (await Login(again, "erste-admin", password)).StatusCode);

        var list = Cli.RunWithInput(null, "users", "list", "--format", "json", "--db", db);
        Assert.Contains("\"locked\": true", list.Stdout, StringComparison.Ordinal);
    }
}
