using System.Net;
using System.Text.RegularExpressions;
using Jixiao.Web.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jixiao.Web.Tests;

public sealed partial class AccountTests(WebFixture web) : IClassFixture<WebFixture>
{
    /// <summary>A client that keeps cookies and shows redirects instead of following them.</summary>
    public static HttpClient Client(WebFixture web) => web.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>The antiforgery token of the first form on <paramref name="url"/> (its cookie stays in the client).</summary>
    public static async Task<string> Token(HttpClient client, string url)
    {
        var html = await client.GetStringAsync(url);
        return TokenField().Match(html).Groups[1].Value;
    }

    /// <summary>Signs <paramref name="userName"/> in with the demo password; returns the response.</summary>
    public static async Task<HttpResponseMessage> Login(HttpClient client, string userName, string password = DemoUsers.Password)
    {
        var token = await Token(client, "/account/login");
        return await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = userName,
            ["Password"] = password,
            ["__RequestVerificationToken"] = token,
        }));
    }

    /// <summary>A page as text, its character references decoded (Razor encodes Chinese as &amp;#x…;).</summary>
    public static async Task<string> Text(HttpClient client, string url) => WebUtility.HtmlDecode(await client.GetStringAsync(url));

    [Fact]
    public async Task The_login_page_is_chinese_first()
    {
        using var client = Client(web);

        var html = await Text(client, "/account/login");

        Assert.Contains("<h1>登录</h1>", html, StringComparison.Ordinal);
        Assert.Contains("Sign in", await client.GetStringAsync("/account/login?lang=en"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_demo_user_logs_in_sees_their_name_and_logs_out()
    {
        using var client = Client(web);

        var response = await Login(client, "filler@医保中心");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
        var home = await Text(client, "/");
        Assert.Contains("filler@医保中心", home, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"login-link\"", home, StringComparison.Ordinal);

        var token = TokenField().Match(home).Groups[1].Value;
        var logout = await client.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.Contains("id=\"login-link\"", await client.GetStringAsync("/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_without_a_cookie()
    {
        using var client = Client(web);

        var response = await Login(client, "filler@医保中心", "wrong-password");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("用户名或密码不正确", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Contains("id=\"login-link\"", await client.GetStringAsync("/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_login_goes_back_only_to_a_local_url()
    {
        using var client = Client(web);
        var token = await Token(client, "/account/login");

        var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = "admin",
            ["Password"] = DemoUsers.Password,
            ["ReturnUrl"] = "https://evil.example/",
            ["__RequestVerificationToken"] = token,
        }));

        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("/account/login")]
    [InlineData("/account/logout")]
    public async Task Posts_without_an_antiforgery_token_are_rejected(string url)
    {
        using var client = Client(web);

        var response = await client.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string> { ["UserName"] = "admin", ["Password"] = DemoUsers.Password }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Every_role_has_a_demo_user_in_its_unit_or_department()
    {
        using var scope = web.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<JixiaoUser>>();

        foreach (var role in Roles.All)
        {
            Assert.NotEmpty(await users.GetUsersInRoleAsync(role));
        }

        var all = await users.Users.OrderBy(u => u.UserName).ToListAsync();
        Assert.Equal(DemoUsers.All.Select(u => u.UserName).Order(StringComparer.Ordinal), all.Select(u => u.UserName!).Order(StringComparer.Ordinal));
        Assert.All(all.Where(u => u.UserName!.StartsWith("filler@", StringComparison.Ordinal)), u => Assert.NotNull(u.UnitId));
        Assert.NotNull(all.Single(u => u.UserName == "reviewer@医保局").DepartmentId);
        Assert.NotEqual(all.Single(u => u.UserName == "filler@医保中心").UnitId, all.Single(u => u.UserName == "filler@采购中心").UnitId);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
