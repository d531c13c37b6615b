using Jixiao.Domain.Model;

namespace Jixiao.Domain.Checks.Rules;

/// <summary><c>project.renamed</c>: a project matched across years under a slightly different name (…管理费 → …管理经费).</summary>
public sealed class ProjectRenamed() : FormSetRule("project.renamed", Severity.Info, "项目跨年度更名")
{
    public override void Check(FormSetContext context)
    {
        foreach (var pair in CrossYearMatcher.Pairs(context.Forms).Where(p => p.Renamed))
        {
            var before = pair.Previous.Form;
            context.Report(this, pair.Current,
                $"与 {before.Year} 年的“{before.Name}”（{pair.Previous.Source} 第 {before.Line} 行）应为同一项目，名称改为“{pair.Current.Form.Name}”",
                expected: before.Name, actual: pair.Current.Form.Name);
        }
    }
}
