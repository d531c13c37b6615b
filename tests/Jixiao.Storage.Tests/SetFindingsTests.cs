using Xunit;
using Jixiao.Application;
using Jixiao.Storage.Import;
using Jixiao.Storage.Tests.Support;
using Jixiao.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Storage.Tests;

public class SetFindingsTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public void Findings_that_compare_forms_are_stored_per_unit_and_replaced_on_refresh(string provider)
    {
        using var db = TestDatabase.Create(provider);
        db.Store.Importer(RuleFindings.Provider()).ImportFiles([.. Seeds.All.Select(Seeds.PathOf)]);

        var first = SetFindings.Refresh(db.Store.Database);
        var second = SetFindings.Refresh(db.Store.Database);

        using var c = db.Store.Database.CreateContext();
        var duplicates = c.Findings.Where(f => f.Code == "form.duplicate").Select(f => f.Form.Name).ToList();
        Assert.Equal(first, second);
        Assert.Equal(second, c.Findings.Count(f => f.Code.StartsWith("form.") || f.Code == "funds.parent-children" || f.Code == "target.lowered" || f.Code == "project.renamed"));
        Assert.Contains("业务培训", duplicates);
        Assert.Contains("网络信息系统运行与维护", duplicates);
        Assert.Equal(0, c.Findings.Count(f => f.Code == "funds.parent-children"));
        Assert.True(c.Findings.Count(f => f.Code == "target.vague") > 0, "form findings stay");
    }
}
