using System.Security.Claims;
using Jixiao.Domain.Drafts;
using Jixiao.Domain.Values;
using Jixiao.Storage;
using Jixiao.Storage.Entities;
using Jixiao.Web.Drafts;
using Jixiao.Web.Monitoring;
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

    /// <summary>Storing imports is for 财政审核 and 管理员; anyone may preview.</summary>
    public static bool CanImport(ClaimsPrincipal user) => user.IsInRole(Finance) || user.IsInRole(Admin);
}

/// <summary>Named authorization policies.</summary>
public static class Policies
{
    /// <summary>May store imports: a signed-in 财政审核 or 管理员 (<see cref="Roles.CanImport"/>).</summary>
    public const string Import = "import";
}

/// <summary>Claim types carrying where a user belongs.</summary>
public static class JixiaoClaims
{
    public const string Unit = "jixiao:unit";
    public const string Department = "jixiao:department";
}

/// <summary>
/// Accounts (Identity's tables) and drafts on the project's database. The schema comes from migrations
/// 0003 and 0004 (run by <see cref="JixiaoDatabase.Migrate"/>), never from EnsureCreated.
/// </summary>
public sealed class AuthoringDbContext(DbContextOptions<AuthoringDbContext> options) : IdentityDbContext<JixiaoUser>(options)
{
    public DbSet<Draft> Drafts => Set<Draft>();

    public DbSet<DraftAudit> Audit => Set<DraftAudit>();

    /// <summary>Mid-year monitoring forms (issue 13), in tables of their own mapped by Storage: see docs/monitoring.md.</summary>
    public DbSet<StoredMonitoringForm> MonitoringForms => Set<StoredMonitoringForm>();

    /// <summary>The audit log of monitoring forms.</summary>
    public DbSet<StoredMonitoringAudit> MonitoringAudit => Set<StoredMonitoringAudit>();

    /// <summary>Changes of accounts (created, role set, locked); see <see cref="AccountAdmin"/>.</summary>
    public DbSet<AccountAudit> AccountAudit => Set<AccountAudit>();

    /// <summary>Adds an audit line for <paramref name="draft"/> (saved with the next SaveChanges).</summary>
    public void Log(Draft draft, string action, string user, string? before, string? comment = null) =>
        Audit.Add(new DraftAudit { Draft = draft, Action = action, UserName = user, At = DateTimeOffset.UtcNow, Comment = comment, BeforeJson = before, AfterJson = DraftAudit.Snapshot(draft) });

    /// <summary>The department a unit is under; null when there is no such unit.</summary>
    public async Task<long?> DepartmentOfUnitAsync(long unitId) =>
        await Database.SqlQuery<long?>($"SELECT department_id AS \"Value\" FROM units WHERE id = {unitId}").FirstOrDefaultAsync();

    /// <summary>The names of a unit and its department, as a form prints them.</summary>
    public async Task<(string Unit, string Department)?> UnitNamesAsync(long unitId)
    {
        var found = await Database.SqlQuery<UnitNames>($"SELECT u.name AS \"Unit\", d.name AS \"Department\" FROM units u JOIN departments d ON d.id = u.department_id WHERE u.id = {unitId}").FirstOrDefaultAsync();
        return found is null ? null : (found.Unit, found.Department);
    }

    /// <summary>The units under a department.</summary>
    public async Task<List<long>> UnitsOfDepartmentAsync(long departmentId) =>
        await Database.SqlQuery<long>($"SELECT id AS \"Value\" FROM units WHERE department_id = {departmentId}").ToListAsync();

    private sealed record UnitNames(string Unit, string Department);

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<Draft>(d =>
        {
            d.ToTable("drafts");
            d.Property(x => x.Id).HasColumnName("id");
            d.Property(x => x.UnitId).HasColumnName("unit_id");
            d.Property(x => x.State).HasColumnName("state").HasConversion(v => DraftStates.Code(v), v => DraftStates.Parse(v));
            d.Property(x => x.Kind).HasColumnName("kind").HasConversion(v => FormKinds.Word(v), v => FormKinds.Parse(v));
            d.Property(x => x.FormJson).HasColumnName("form_json");
            d.Property(x => x.Version).HasColumnName("version").IsConcurrencyToken();
            d.Property(x => x.CreatedBy).HasColumnName("created_by");
            d.Property(x => x.CreatedAt).HasColumnName("created_at");
            d.Property(x => x.UpdatedAt).HasColumnName("updated_at");
            d.Property(x => x.BasedOnId).HasColumnName("based_on_id");
            d.Property(x => x.BasedOnFormId).HasColumnName("based_on_form_id");
            d.Property(x => x.ReviewJson).HasColumnName("review_json");
            d.Property(x => x.ReviewStep).HasColumnName("review_step");
            d.Ignore(x => x.Review);
            d.Ignore(x => x.Editable);
        });
        builder.Entity<DraftAudit>(a =>
        {
            a.ToTable("draft_audit");
            a.Property(x => x.Id).HasColumnName("id");
            a.Property(x => x.DraftId).HasColumnName("draft_id");
            a.Property(x => x.Action).HasColumnName("action");
            a.Property(x => x.UserName).HasColumnName("user_name");
            a.Property(x => x.At).HasColumnName("at");
            a.Property(x => x.Comment).HasColumnName("comment");
            a.Property(x => x.BeforeJson).HasColumnName("before_json");
            a.Property(x => x.AfterJson).HasColumnName("after_json");
            a.HasOne(x => x.Draft).WithMany().HasForeignKey(x => x.DraftId);
        });
        builder.MapMonitoring(); // Storage's mapping, the one there is
        builder.Entity<AccountAudit>(a =>
        {
            a.ToTable("account_audit");
            a.Property(x => x.Id).HasColumnName("id");
            a.Property(x => x.Account).HasColumnName("account");
            a.Property(x => x.Action).HasColumnName("action");
            a.Property(x => x.UserName).HasColumnName("user_name");
            a.Property(x => x.At).HasColumnName("at");
            a.Property(x => x.BeforeJson).HasColumnName("before_json");
            a.Property(x => x.AfterJson).HasColumnName("after_json");
        });
    }
}

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
    /// <summary>The sign-in cookie's name: the public pages' output cache leaves alone any request carrying it.</summary>
    public const string AuthCookie = "jixiao-auth";

    /// <summary>Identity with cookie login at /account/login, on the database named by <c>Jixiao:Db</c>.</summary>
    public static IServiceCollection AddJixiaoAccounts(this IServiceCollection services, IConfiguration configuration)
    {
        var target = DatabaseTarget.Resolve(configuration["Jixiao:Db"]);
        services.AddDbContext<AuthoringDbContext>(o =>
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
            .AddEntityFrameworkStores<AuthoringDbContext>()
            .AddClaimsPrincipalFactory<JixiaoClaimsFactory>();
        services.AddScoped<AccountAdmin>();
        services.AddScoped<ImporterRoles>();
        services.AddSingleton(Drafts.ReviewSteps.From(configuration));
        services.AddScoped<Drafts.DraftAccess>();
        services.AddScoped<Drafts.DraftService>();
        services.AddScoped<Drafts.UnitPolicies>();
        services.AddScoped<MonitoringService>();
        services.AddScoped<MonitoringOverview>();
        services.AddAuthorizationBuilder().AddPolicy(Policies.Import, p => p.RequireRole(Roles.Finance, Roles.Admin));
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/account/denied";
            o.Cookie.Name = AuthCookie;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);

            // The API answers 401 and 403; only pages are sent to the login and access-denied pages.
            var login = o.Events.OnRedirectToLogin;
            var denied = o.Events.OnRedirectToAccessDenied;
            o.Events.OnRedirectToLogin = c => IsApi(c.Request) ? Status(c.Response, StatusCodes.Status401Unauthorized) : login(c);
            o.Events.OnRedirectToAccessDenied = c => IsApi(c.Request) ? Status(c.Response, StatusCodes.Status403Forbidden) : denied(c);
        });
        return services;
    }

    private static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api");

    private static Task Status(HttpResponse response, int status)
    {
        response.StatusCode = status;
        return Task.CompletedTask;
    }
}
