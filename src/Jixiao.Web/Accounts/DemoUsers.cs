using Jixiao.Storage;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Accounts;

/// <summary>
/// The demo accounts created with the demo data on first start (when there is no account yet), one per
/// role, all with <see cref="Password"/>; listed in the README under "Demo users". Only in the demo
/// (<see cref="DemoMode"/>): in production no account is created but by <c>jixiao users add</c>.
/// </summary>
public static class DemoUsers
{
    public const string Password = "Jixiao#2026";

    private const string InsuranceCentre = "上海市医疗保险事业管理中心";
    private const string PurchasingCentre = "上海市医药集中招标采购事务管理所（上海医药采购中心）";
    private const string Bureau = "上海市医疗保障局";

    /// <summary>User name, role, the unit or the department (by name) it belongs to.</summary>
    public static readonly IReadOnlyList<(string UserName, string Role, string? Unit, string? Department)> All =
    [
        ("filler@医保中心", Roles.Filler, InsuranceCentre, null),
        ("head@医保中心", Roles.UnitHead, InsuranceCentre, null),
        ("filler@采购中心", Roles.Filler, PurchasingCentre, null),
        ("reviewer@医保局", Roles.DepartmentReviewer, null, Bureau),
        ("finance@财政局", Roles.Finance, null, null),
        ("admin", Roles.Admin, null, null),
    ];

    /// <summary>Brings the schema up to date, creates the roles, and on first start of the demo the demo users.</summary>
    public static async Task EnsureAsync(IServiceProvider services, IConfiguration configuration, bool demo)
    {
        JixiaoDatabase.Open(configuration["Jixiao:Db"]).Migrate();
        using var scope = services.CreateScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All.Where(r => !roles.Roles.Any(x => x.Name == r)))
        {
            Check(await roles.CreateAsync(new IdentityRole(role)));
        }

        var users = scope.ServiceProvider.GetRequiredService<UserManager<JixiaoUser>>();
        if (!demo || await users.Users.AnyAsync())
        {
            return;
        }

        var db = scope.ServiceProvider.GetRequiredService<AuthoringDbContext>();
        var units = await db.Database.SqlQuery<Named>($"SELECT id AS \"Id\", name AS \"Name\" FROM units").ToListAsync();
        var departments = await db.Database.SqlQuery<Named>($"SELECT id AS \"Id\", name AS \"Name\" FROM departments").ToListAsync();
        foreach (var (userName, role, unit, department) in All)
        {
            var user = new JixiaoUser
            {
                UserName = userName,
                UnitId = units.FirstOrDefault(u => u.Name == unit)?.Id,
                DepartmentId = departments.FirstOrDefault(d => d.Name == department)?.Id,
            };
            if ((unit is not null && user.UnitId is null) || (department is not null && user.DepartmentId is null))
            {
                continue; // the demo data does not hold this unit or department
            }

            Check(await users.CreateAsync(user, Password));
            Check(await users.AddToRoleAsync(user, role));
        }
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }

    private sealed record Named(long Id, string Name);
}

/// <summary>
/// Runs <see cref="DemoUsers.EnsureAsync"/> as the host starts, before the server listens (the starting phase of
/// every lifecycle service comes before any hosted service starts), so a problem with the accounts shows at
/// start-up and the first request finds the roles there.
/// </summary>
internal sealed class AccountsSetup(IServiceProvider services, IConfiguration configuration, IHostEnvironment environment) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken) =>
        DemoUsers.EnsureAsync(services, configuration, DemoMode.IsOn(configuration, environment));

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
