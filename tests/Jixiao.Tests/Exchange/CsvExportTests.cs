using System.Globalization;
using CsvHelper;
using Jixiao.Formats.Csv;
using Jixiao.Tests.Support;

namespace Jixiao.Tests.Exchange;

public class CsvExportTests
{
    private static readonly List<Jixiao.Domain.Model.DisclosureDocument> Documents = Seeds.All.Select(Seeds.Read).ToList();

    private static List<Dictionary<string, string>> Rows(Action<TextWriter, IEnumerable<Jixiao.Domain.Model.DisclosureDocument>> write)
    {
        using var text = new StringWriter();
        write(text, Documents);
        using var csv = new CsvReader(new StringReader(text.ToString()), CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        var rows = new List<Dictionary<string, string>>();
        while (csv.Read())
        {
            rows.Add(csv.HeaderRecord!.ToDictionary(h => h, h => csv.GetField(h)!));
        }

        return rows;
    }

    [Fact]
    public void All_seeds_give_80_forms_1052_indicators_and_24_scores()
    {
        Assert.Equal(80, Rows(CsvExport.WriteForms).Count);
        Assert.Equal(1052, Rows(CsvExport.WriteIndicators).Count);
        Assert.Equal(24, Rows(CsvExport.WriteScores).Count);
        Assert.Equal(80, Rows(CsvExport.WriteUnits).Count);
    }

    [Fact]
    public void Indicator_rows_carry_their_form_key_and_numbers_as_printed()
    {
        var forms = Rows(CsvExport.WriteForms);
        var indicators = Rows(CsvExport.WriteIndicators);

        var form = forms.Single(f => f["表键"] == "002_82a1708c82188c30.txt#1");
        Assert.Equal(("法律法规专项业务经费", "自评表", "98.95", "74.33"), (form["项目名称"], form["表类型"], form["总得分"], form["全年执行数（万元）"]));
        var own = indicators.Where(i => i["表键"] == form["表键"]).ToList();
        Assert.Equal(form["指标数"], own.Count.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(("我市药品行政审批制度改革评估报告", "=1(份)", "=", "1", "份", "10.00"), (own[0]["三级指标"], own[0]["年度指标值"], own[0]["指标值运算符"], own[0]["指标值数值"], own[0]["指标值单位"], own[0]["分值"]));
        Assert.All(indicators, i => Assert.Contains(forms, f => f["表键"] == i["表键"]));
        Assert.Equal("4855541.00", forms.Single(f => f["表键"] == "000_0566b1444b6cfa51.txt#1")["年度资金申请总额（元）"]);
    }

    [Fact]
    public void A_folder_export_writes_utf8_files_with_a_byte_order_mark_for_excel()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"jixiao-csv-{Guid.NewGuid():N}");
        try
        {
            var files = CsvExport.WriteFolder(folder, Documents, units: true);

            Assert.Equal(["forms.csv", "indicators.csv", "scores.csv", "units.csv"], files.Select(Path.GetFileName));
            Assert.All(files, f => Assert.Equal([0xEF, 0xBB, 0xBF], File.ReadAllBytes(f)[..3]));
            Assert.Equal(1053, File.ReadAllLines(files[1]).Length); // head + 1,052 indicators
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
