using Jixiao.Storage.Import;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Accounts;

/// <summary>
/// Who imported, as public pages show it: a role (财政审核, 管理员), the command line or the system, never an
/// account name (those are for 管理员 at /admin/audit only).
/// </summary>
public sealed class ImporterRoles(AuthoringDbContext db)
{
    public const string System = "系统";
    public const string CommandLine = "命令行";

    /// <summary>The shown role of each of <paramref name="userNames"/>.</summary>
    public async Task<IReadOnlyDictionary<string, string>> OfAsync(IEnumerable<string> userNames)
    {
        var names = userNames.Distinct(StringComparer.Ordinal).ToList();
        var web = names.Where(n => n != Importer.SystemUser && !n.StartsWith("cli:", StringComparison.Ordinal)).ToList();
        var roles = web.Count == 0 ? [] : await (
            from u in db.Users
            join ur in db.UserRoles on u.Id equals ur.UserId
            join r in db.Roles on ur.RoleId equals r.Id
            where web.Contains(u.UserName!)
            select new { u.UserName, r.Name }).ToListAsync();
        return names.ToDictionary(n => n, n =>
            n == Importer.SystemUser ? System
            : n.StartsWith("cli:", StringComparison.Ordinal) ? CommandLine
            : Roles.All.Reverse().FirstOrDefault(r => roles.Any(x => x.UserName == n && x.Name == r)) ?? "—", StringComparer.Ordinal);
    }
}
