using System.Security.Claims;
using Jixiao.Storage;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jixiao.Web.Accounts;

/// <summary>A person who authors or reviews forms: a member of a unit (填报人, 单位审核) or of a department (主管部门审核).</summary>
public sealed class JixiaoUser : IdentityUser
{
    public long? UnitId { get; set; }

    public long? DepartmentId { get; set; }
}

/// <summary>The five roles of issue 6.</summary>
public static class Roles
{
    public const string Filler = "填报人";
    public const string UnitHead = "单位审核";
    public const string DepartmentReviewer = "主管部门审核";
    public const string Finance = "财政审核";
    public const string Admin = "管理员";

    public static readonly IReadOnlyList<string> All = [Filler, UnitHead, DepartmentReviewer, Finance, Admin];
}

/// <summary>Claim types carrying where a user belongs.</summary>
public static class JixiaoClaims
{
    public const string Unit = "jixiao:unit";
    public const string Department = "jixiao:department";
}

/// <summary>
/// Identity's tables on the project's database. The schema comes from migration 0003 (run by
/// <see cref="JixiaoDatabase.Migrate"/>), never from EnsureCreated.
/// </summary>
public sealed class AccountsDbContext(DbContextOptions<AccountsDbContext> options) : IdentityDbContext<JixiaoUser>(options);

/// <summary>Adds the unit and department of a user to their cookie, so pages can scope drafts without a query.</summary>
public sealed class JixiaoClaimsFactory(UserManager<JixiaoUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<JixiaoUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(JixiaoUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.UnitId is { } unit)
        {
            identity.AddClaim(new Claim(JixiaoClaims.Unit, unit.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        if (user.DepartmentId is { } department)
        {
            identity.AddClaim(new Claim(JixiaoClaims.Department, department.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        return identity;
    }
}

public static class AccountServices
{
    /// <summary>Identity with cookie login at /account/login, on the database named by <c>Jixiao:Db</c>.</summary>
    public static IServiceCollection AddJixiaoAccounts(this IServiceCollection services, IConfiguration configuration)
    {
        var target = DatabaseTarget.Resolve(configuration["Jixiao:Db"]);
        services.AddDbContext<AccountsDbContext>(o =>
        {
            if (target.Provider == DatabaseProvider.Sqlite)
            {
                o.UseSqlite(target.ConnectionString);
            }
            else
            {
                o.UseNpgsql(target.ConnectionString);
            }
        });
        services.AddIdentity<JixiaoUser, IdentityRole>(o =>
            {
                o.User.AllowedUserNameCharacters = ""; // Chinese user names such as filler@医保中心
                o.Lockout.MaxFailedAccessAttempts = 10;
            })
            .AddEntityFrameworkStores<AccountsDbContext>()
            .AddClaimsPrincipalFactory<JixiaoClaimsFactory>();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/account/denied";
            o.Cookie.Name = "jixiao-auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
        });
        return services;
    }
}
