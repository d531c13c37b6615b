using Jixiao.Domain.Model;
using Jixiao.Domain.Values;
using Jixiao.Formats.Sources;
using Jixiao.Formats.Xlsx;
using Jixiao.Tests.Support;

namespace Jixiao.Tests.Exchange;

public class TemplateImportTests
{
    /// <summary>
    /// A self-evaluation typed into the one-row-per-indicator template by hand: 一级/二级 only on a group's
    /// first row, numbers as numbers. Row 14 is the third indicator, so its 年度指标值 is cell D14.
    /// </summary>
    internal static byte[] FilledTemplate(string d14 = "≥90(%)", object? f14 = null, string type = "财政项目支出绩效自评表") => HandMadeWorkbook.Create(
        "Sheet1",
        ["表类型", type],
        ["年度", 2024],
        ["项目名称", "医保信息系统运维"],
        ["主管部门", "上海市医疗保障局"],
        ["实施单位", "上海市医疗保险事业管理中心"],
        ["项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分数", "执行率(%)", "得分"],
        ["年度资金总额", 83, 83, 74.33, 10, 89.55, 8.95],
        ["预期目标", "保障系统稳定运行"],
        ["实际完成情况", "系统全年稳定运行"],
        [],
        ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析"],
        ["产出指标", "数量指标", "巡检次数", "≥365(次)", "366.00(次)", 30, 30],
        [null, null, "数据上传率", "=100(%)", "100.00(%)", 30, 30],
        [null, "质量指标", "系统可用率", d14, "达成指标", f14 ?? 20, 18, "个别时段中断"],
        ["满意度指标", "服务对象满意度指标", "使用者满意度", "≥85(%)", "90.00(%)", 10, 10],
        ["总分", null, null, null, null, 100, 96.95],
        ["评分等级", "优"]);

    [Fact]
    public void A_hand_filled_template_reads_into_a_self_evaluation_with_inherited_levels()
    {
        var doc = XlsxImporter.Read(FilledTemplate(), "template.xlsx");

        Assert.Empty(doc.Diagnostics);
        var form = Assert.Single(doc.Forms);
        Assert.Equal(FormKind.SelfEvaluation, form.Kind);
        Assert.Equal(2024, form.Year);
        Assert.Equal("医保信息系统运维", form.Name);
        Assert.Equal("上海市医疗保障局", form.Department);
        Assert.Equal("上海市医疗保险事业管理中心", form.Unit);
        Assert.Equal(new Budget(new BudgetRow(83m, 83m, 74.33m, 89.55m, 10m, 8.95m), null, null, null), form.Budget);
        Assert.Null(form.Funds);
        Assert.Equal("保障系统稳定运行", form.Goal);
        Assert.Equal("系统全年稳定运行", form.Outcome);
        Assert.Equal(
            [("产出指标", "数量指标"), ("产出指标", "数量指标"), ("产出指标", "质量指标"), ("满意度指标", "服务对象满意度指标")],
            form.Indicators.Select(i => (i.Level1, i.Level2)));
        var third = form.Indicators[2];
        Assert.Equal(new IndicatorValue(Comparison.AtLeast, 90m, "%", null), third.TargetValue);
        Assert.Equal(new IndicatorValue(null, null, null, "达成指标"), third.ActualValue);
        Assert.Equal((20m, 18m, "个别时段中断"), (third.Weight!.Value, third.Score!.Value, third.Deviation));
        Assert.Equal((100m, 96.95m, "优"), (form.TotalWeight!.Value, form.TotalScore!.Value, form.Grade));
    }

    [Fact]
    public void A_seed_form_written_as_the_template_reads_back_the_same_apart_from_source_lines()
    {
        foreach (var form in new[] { Seeds.Read(Seeds.File000).Forms[0], Seeds.Read(Seeds.File003).Forms[0] })
        {
            using var xlsx = new MemoryStream();
            XlsxExporter.WriteTemplate(xlsx, form.Kind, form);

            var back = Assert.Single(XlsxImporter.Read(xlsx.ToArray(), "template.xlsx").Forms);

            var withoutLines = form with { Line = 0, Indicators = [.. form.Indicators.Select(i => i with { Line = 0 })] };
            XlsxRoundTripTests.AssertSame(withoutLines, back, form.Name);
        }
    }

    [Fact]
    public void The_blank_template_has_every_head_and_reads_as_a_sheet_without_a_project_name()
    {
        using var xlsx = new MemoryStream();
        XlsxExporter.WriteTemplate(xlsx, FormKind.SelfEvaluation);

        var doc = XlsxImporter.Read(xlsx.ToArray(), "blank.xlsx");

        Assert.Empty(doc.Forms);
        Assert.Contains(doc.Diagnostics, d => d.Severity == Severity.Error && d.Code == "xlsx-no-project-name");
        var cells = XlsxPackage.Texts(xlsx.ToArray());
        foreach (var head in new[] { "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析", "项目名称", "主管部门", "实施单位" })
        {
            Assert.Contains(head, cells);
        }
    }

    [Fact]
    public void Parse_reads_an_xlsx_file_through_the_document_loader()
    {
        var path = Path.Combine(Path.GetTempPath(), $"jixiao-template-{Guid.NewGuid():N}.xlsx");
        File.WriteAllBytes(path, FilledTemplate());
        try
        {
            var doc = Assert.Single(DocumentLoader.Load(path));
            Assert.Equal("医保信息系统运维", Assert.Single(doc.Forms).Name);

            var result = JixiaoProcess.Run("parse", path, "--format", "table");
            Assert.Equal(0, result.ExitCode);
            Assert.Contains("医保信息系统运维", result.Stdout, StringComparison.Ordinal);
            Assert.Contains("表 1 张，指标 4 个", result.Stdout, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
