using System.Globalization;
using System.Security.Claims;
using Jixiao.Web.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Drafts;

/// <summary>
/// Who sees and changes which drafts: a unit's 填报人 and 单位审核 their unit's, a 主管部门审核 the drafts of
/// the units under their department, 财政审核 and 管理员 all. Only a unit's 填报人 writes.
/// </summary>
public sealed class DraftAccess(AuthoringDbContext db)
{
    public static long? UnitOf(ClaimsPrincipal user) => Claim(user, JixiaoClaims.Unit);

    public static long? DepartmentOf(ClaimsPrincipal user) => Claim(user, JixiaoClaims.Department);

    public static bool SeesAll(ClaimsPrincipal user) => user.IsInRole(Roles.Finance) || user.IsInRole(Roles.Admin);

    /// <summary>The drafts <paramref name="user"/> may read.</summary>
    public async Task<IQueryable<Draft>> VisibleAsync(ClaimsPrincipal user)
    {
        if (SeesAll(user))
        {
            return db.Drafts;
        }

        var units = new List<long>();
        if (UnitOf(user) is { } unit)
        {
            units.Add(unit);
        }

        if (user.IsInRole(Roles.DepartmentReviewer) && DepartmentOf(user) is { } department)
        {
            units.AddRange(await db.UnitsOfDepartmentAsync(department));
        }

        return db.Drafts.Where(d => units.Contains(d.UnitId));
    }

    /// <summary>The draft if <paramref name="user"/> may read it; null when absent or not theirs (a 404, never revealing it exists).</summary>
    public async Task<Draft?> FindAsync(ClaimsPrincipal user, long id) =>
        await (await VisibleAsync(user)).FirstOrDefaultAsync(d => d.Id == id);

    public static bool CanWrite(ClaimsPrincipal user, Draft draft) =>
        draft.Editable && user.IsInRole(Roles.Filler) && UnitOf(user) == draft.UnitId;

    private static long? Claim(ClaimsPrincipal user, string type) =>
        long.TryParse(user.FindFirstValue(type), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
}
