using Jixiao.Domain.Drafts;
using Jixiao.Domain.Model;
using Jixiao.Domain.Values;
using Jixiao.Storage.Entities;
using Jixiao.Web.Drafts;
using Jixiao.Web.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace Jixiao.Web.Tests;

public class DraftChangesTests
{
    private static readonly Language Chinese = new(new HttpContextAccessor());

    private static Indicator Row(string level1, string level2, string name, string target) => new(level1, level2, name, target, ValueGrammar.Parse(target));

    private static string Snapshot(DraftState state, params Indicator[] indicators) =>
        AuditSnapshot.Of(DraftStates.Code(state), 1, DraftForms.Json(new PerformanceForm { Kind = FormKind.Target, Name = "项目", Indicators = indicators }));

    [Fact]
    public void A_typed_row_is_a_change_of_that_row_not_an_addition_and_a_removal()
    {
        var before = Snapshot(DraftState.Draft, Row("产出指标", "数量指标", "系统数", "≥3个"), Row("产出指标", "质量指标", "", ""));
        var after = Snapshot(DraftState.Draft, Row("产出指标", "数量指标", "系统数", "≥4个"), Row("产出指标", "质量指标", "可用率", "≥99.00(%)"));

        Assert.Equal(
            ["“系统数”指标值: ≥3个 → ≥4个", "指标 产出指标/质量指标/— → 产出指标/质量指标/可用率 ≥99.00(%)"],
            DraftChanges.Describe(before, after, Chinese));
    }

    [Fact]
    public void States_are_named_and_rows_beyond_the_pairs_are_added_or_removed()
    {
        var before = Snapshot(DraftState.Submitted, Row("产出指标", "数量指标", "系统数", "≥3个"));
        var after = Snapshot(DraftState.Returned, Row("产出指标", "数量指标", "系统数", "≥3个"), Row("满意度指标", "服务对象满意度指标", "满意度", "≥95.00(%)"));

        Assert.Equal(["状态: 已提交 → 已退回", "新增指标 满意度指标/服务对象满意度指标/满意度 ≥95.00(%)"], DraftChanges.Describe(before, after, Chinese));
        Assert.Equal(["删除指标 满意度指标/服务对象满意度指标/满意度 ≥95.00(%)"], DraftChanges.Describe(after, Snapshot(DraftState.Returned, Row("产出指标", "数量指标", "系统数", "≥3个")), Chinese));
    }

    [Fact]
    public void A_new_draft_is_described_and_unreadable_json_says_nothing()
    {
        Assert.Equal(["新建（申报表，1 个指标）"], DraftChanges.Describe(null, Snapshot(DraftState.Draft, Row("产出指标", "数量指标", "系统数", "≥3个")), Chinese));
        Assert.Empty(DraftChanges.Describe("{", "not json", Chinese));
    }
}
