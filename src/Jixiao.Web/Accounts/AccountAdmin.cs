using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Accounts;

/// <summary>One line of the audit log of accounts: who created, re-roled or locked which account, before and after.</summary>
public sealed class AccountAudit
{
    public long Id { get; set; }
    public string Account { get; set; } = "";
    public string Action { get; set; } = "";
    public string UserName { get; set; } = "";
    public DateTimeOffset At { get; set; }
    public string? BeforeJson { get; set; }
    public string AfterJson { get; set; } = "";
}

/// <summary>An account as <c>jixiao users list</c> shows it.</summary>
public sealed record AccountView(string UserName, IReadOnlyList<string> Roles, long? UnitId, long? DepartmentId, bool Locked);

/// <summary>The outcome of an account change: done, or why not (Identity's password rules, an unknown role or unit…).</summary>
public sealed record AccountResult(bool Succeeded, IReadOnlyList<string> Errors)
{
    public static readonly AccountResult Done = new(true, []);

    public static AccountResult Fail(params string[] errors) => new(false, errors);
}

/// <summary>
/// Managing accounts in production (<c>jixiao users add|list|set-role|lock</c>): nothing is created silently
/// outside the demo (<see cref="DemoMode"/>), so the first administrator is added here. Every change is
/// written to <c>account_audit</c> with the account before and after, under the name of who made it.
/// </summary>
public sealed class AccountAdmin(UserManager<JixiaoUser> users, AuthoringDbContext db)
{
    public const string Created = "create";
    public const string RoleSet = "set-role";
    public const string Locked = "lock";

    public async Task<IReadOnlyList<AccountView>> ListAsync()
    {
        var all = await users.Users.AsNoTracking().OrderBy(u => u.UserName).ToListAsync();
        var views = new List<AccountView>();
        foreach (var u in all)
        {
            views.Add(await ViewAsync(u));
        }

        return views;
    }

    /// <summary>
    /// A new account with one role. 填报人 and 单位审核 need a unit, 主管部门审核 a department (each by name
    /// or id); the password must pass Identity's rules.
    /// </summary>
    public async Task<AccountResult> AddAsync(string userName, string password, string role, string? unit, string? department, string actor)
    {
        userName = userName.Trim();
        if (userName.Length == 0)
        {
            return AccountResult.Fail("用户名不能为空 (the user name is empty)");
        }

        if (!Roles.All.Contains(role))
        {
            return AccountResult.Fail($"未知角色 \"{role}\"，可用：{string.Join("、", Roles.All)}");
        }

        var user = new JixiaoUser { UserName = userName, LockoutEnabled = true };
        if (unit is not null)
        {
            if (await FindIdAsync("units", unit) is not { } unitId)
            {
                return AccountResult.Fail($"没有单位 \"{unit}\" (no such unit)");
            }

            user.UnitId = unitId;
        }

        if (department is not null)
        {
            if (await FindIdAsync("departments", department) is not { } departmentId)
            {
                return AccountResult.Fail($"没有主管部门 \"{department}\" (no such department)");
            }

            user.DepartmentId = departmentId;
        }

        if (Placement(role, user) is { } missing)
        {
            return AccountResult.Fail(missing);
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return Failed(created);
        }

        var added = await users.AddToRoleAsync(user, role);
        if (!added.Succeeded)
        {
            return Failed(added);
        }

        await LogAsync(user, Created, actor, before: null);
        await transaction.CommitAsync();
        return AccountResult.Done;
    }

    /// <summary>Replaces the account's roles by <paramref name="role"/> (its unit or department must fit the role).</summary>
    public async Task<AccountResult> SetRoleAsync(string userName, string role, string actor)
    {
        if (!Roles.All.Contains(role))
        {
            return AccountResult.Fail($"未知角色 \"{role}\"，可用：{string.Join("、", Roles.All)}");
        }

        if (await users.FindByNameAsync(userName) is not { } user)
        {
            return AccountResult.Fail($"没有用户 \"{userName}\" (no such user)");
        }

        if (Placement(role, user) is { } missing)
        {
            return AccountResult.Fail(missing);
        }

        var before = await SnapshotAsync(user);
        await using var transaction = await db.Database.BeginTransactionAsync();
        var removed = await users.RemoveFromRolesAsync(user, await users.GetRolesAsync(user));
        if (!removed.Succeeded)
        {
            return Failed(removed);
        }

        var added = await users.AddToRoleAsync(user, role);
        if (!added.Succeeded)
        {
            return Failed(added);
        }

        await users.UpdateSecurityStampAsync(user); // a signed-in session picks up the new role or ends
        await LogAsync(user, RoleSet, actor, before);
        await transaction.CommitAsync();
        return AccountResult.Done;
    }

    /// <summary>Locks the account for good: it can no longer sign in, and its sessions end at their next validation.</summary>
    public async Task<AccountResult> LockAsync(string userName, string actor)
    {
        if (await users.FindByNameAsync(userName) is not { } user)
        {
            return AccountResult.Fail($"没有用户 \"{userName}\" (no such user)");
        }

        var before = await SnapshotAsync(user);
        await using var transaction = await db.Database.BeginTransactionAsync();
        foreach (var result in new[]
                 {
                     await users.SetLockoutEnabledAsync(user, true),
                     await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue),
                     await users.UpdateSecurityStampAsync(user),
                 })
        {
            if (!result.Succeeded)
            {
                return Failed(result);
            }
        }

        await LogAsync(user, Locked, actor, before);
        await transaction.CommitAsync();
        return AccountResult.Done;
    }

    /// <summary>The audit lines of accounts, newest first.</summary>
    public async Task<IReadOnlyList<AccountAudit>> AuditAsync(int take = 100) =>
        await db.AccountAudit.AsNoTracking().OrderByDescending(a => a.Id).Take(take).ToListAsync();

    private static string? Placement(string role, JixiaoUser user) => role switch
    {
        Roles.Filler or Roles.UnitHead when user.UnitId is null => $"{role} 需要 --unit（所属单位）",
        Roles.DepartmentReviewer when user.DepartmentId is null => $"{role} 需要 --department（所属主管部门）",
        _ => null,
    };

    private async Task<long?> FindIdAsync(string table, string nameOrId)
    {
        if (long.TryParse(nameOrId, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return table == "units"
                ? await db.Database.SqlQuery<long?>($"SELECT id AS \"Value\" FROM units WHERE id = {id}").FirstOrDefaultAsync()
                : await db.Database.SqlQuery<long?>($"SELECT id AS \"Value\" FROM departments WHERE id = {id}").FirstOrDefaultAsync();
        }

        return table == "units"
            ? await db.Database.SqlQuery<long?>($"SELECT id AS \"Value\" FROM units WHERE name = {nameOrId}").FirstOrDefaultAsync()
            : await db.Database.SqlQuery<long?>($"SELECT id AS \"Value\" FROM departments WHERE name = {nameOrId}").FirstOrDefaultAsync();
    }

    private async Task<AccountView> ViewAsync(JixiaoUser u) =>
        new(u.UserName!, [.. await users.GetRolesAsync(u)], u.UnitId, u.DepartmentId, u.LockoutEnd is { } end && end > DateTimeOffset.UtcNow);

    private async Task<string> SnapshotAsync(JixiaoUser user)
    {
        var view = await ViewAsync(user);
        return JsonSerializer.Serialize(new { userName = view.UserName, roles = view.Roles, unitId = view.UnitId, departmentId = view.DepartmentId, locked = view.Locked }, Jixiao.Domain.Drafts.ReviewNotes.Options);
    }

    private async Task LogAsync(JixiaoUser user, string action, string actor, string? before)
    {
        db.AccountAudit.Add(new AccountAudit { Account = user.UserName!, Action = action, UserName = actor, At = DateTimeOffset.UtcNow, BeforeJson = before, AfterJson = await SnapshotAsync(user) });
        await db.SaveChangesAsync();
    }

    private static AccountResult Failed(IdentityResult result) => new(false, [.. result.Errors.Select(e => e.Description)]);
}
